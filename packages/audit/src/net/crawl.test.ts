import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureSite, startServer, type TestServer } from "../../test/server.ts";
import { crawlSite } from "./crawl.ts";
import { FetchError, safeFetch } from "./fetch.ts";

let site: TestServer;
let gen: TestServer;

beforeAll(async () => {
  site = await startServer(fixtureSite("nfr-good"));
  // A generated site: /d/N links to /d/N+1 (depth), / links to 40 pages, /big/N is 100 KB, /go-local redirects to 127.0.0.1.
  gen = await startServer((req, res, port) => {
    const url = new URL(req.url ?? "/", "http://x");
    const html = (body: string) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html><body>${body}</body></html>`);
    };
    if (url.pathname === "/")
      return html(Array.from({ length: 40 }, (_, i) => `<a href="/p/${i}">${i}</a>`).join(" "));
    if (url.pathname.startsWith("/p/")) return html("leaf");
    if (url.pathname.startsWith("/d/")) {
      const n = Number(url.pathname.slice(3));
      return html(`<a href="/d/${n + 1}">next</a>`);
    }
    if (url.pathname.startsWith("/big/")) {
      const n = Number(url.pathname.slice(5));
      return html(`<a href="/big/${n + 1}">next</a><p>${"x".repeat(100_000)}</p>`);
    }
    if (url.pathname === "/dup") return html('<a href="/alias">alias</a> <a href="/p/0">page</a>');
    if (url.pathname === "/alias") {
      res.writeHead(301, { location: "/p/0" });
      return res.end();
    }
    if (url.pathname === "/go-local") {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` });
      return res.end();
    }
    if (url.pathname === "/slow") return; // never answers
    res.writeHead(404);
    res.end();
  });
});
afterAll(async () => {
  await site.close();
  await gen.close();
});

describe("crawler", () => {
  it("crawls links and sitemap (from robots.txt) on the same site only, reporting progress", async () => {
    const progress: { done: number; queued: number; current?: string }[] = [];
    const r = await crawlSite(`${site.origin}/`, { allowPrivate: true, onProgress: (p) => progress.push(p) });
    const paths = r.pages.map((p) => new URL(p.url).pathname).sort();
    expect(paths).toEqual(["/", "/about.html", "/contacts.html", "/products.html", "/services.html"]);
    expect(site.requests.some((q) => q.url === "/robots.txt")).toBe(true);
    expect(progress.some((p) => p.current?.endsWith("/contacts.html"))).toBe(true);
    expect(progress.at(-1)?.done).toBe(5);
  });
  it("takes a page reached twice (a link and a redirect) once", async () => {
    const r = await crawlSite(`${gen.origin}/dup`, { allowPrivate: true, sitemap: false, concurrency: 1 });
    expect(r.pages.map((p) => new URL(p.finalUrl).pathname)).toEqual(["/dup", "/p/0"]);
    expect(r.skipped.map((s) => s.reason)).toEqual([`duplicate of ${gen.origin}/p/0`]);
  });
  it("stops at max pages", async () => {
    const r = await crawlSite(`${gen.origin}/`, { allowPrivate: true, maxPages: 7, sitemap: false });
    expect(r.pages).toHaveLength(7);
    expect(r.stoppedBy).toBe("max-pages");
  });
  it("keeps 2 requests in flight at most by default", async () => {
    let inFlight = 0;
    let peak = 0;
    await crawlSite(`${gen.origin}/`, {
      allowPrivate: true,
      maxPages: 15,
      sitemap: false,
      onProgress: (p) => {
        inFlight = p.inFlight;
        peak = Math.max(peak, inFlight);
      },
    });
    expect(peak).toBe(2);
  });
  it("stops at max depth", async () => {
    const r = await crawlSite(`${gen.origin}/d/0`, { allowPrivate: true, maxDepth: 3, sitemap: false });
    expect(r.pages.map((p) => new URL(p.url).pathname)).toEqual(["/d/0", "/d/1", "/d/2", "/d/3"]);
  });
  it("stops at the byte budget", async () => {
    const r = await crawlSite(`${gen.origin}/big/0`, {
      allowPrivate: true,
      maxTotalBytes: 250_000,
      maxDepth: 50,
      sitemap: false,
    });
    expect(r.stoppedBy).toBe("bytes");
    expect(r.bytes).toBeLessThanOrEqual(250_000);
    expect(r.pages.length).toBeLessThanOrEqual(3);
  });
  it("stops at the time budget", async () => {
    const r = await crawlSite(`${gen.origin}/`, {
      allowPrivate: true,
      timeBudgetMs: 150,
      sitemap: false,
      fetch: async (url, o) => {
        await new Promise((res) => setTimeout(res, 60));
        return safeFetch(url, o);
      },
    });
    expect(r.stoppedBy).toBe("time");
    expect(r.pages.length).toBeGreaterThanOrEqual(1);
    expect(r.pages.length).toBeLessThan(10);
  });
});

describe("guarded fetch", () => {
  it("refuses 127.0.0.1 unless private addresses are allowed", async () => {
    await expect(safeFetch(`${gen.origin}/`)).rejects.toMatchObject({ code: "blocked" });
    await expect(safeFetch(`${gen.origin}/`, { allowPrivate: true })).resolves.toMatchObject({ status: 200 });
  });
  it("refuses a name that resolves to loopback (localhost)", async () => {
    await expect(safeFetch(`http://localhost:${gen.port}/`)).rejects.toBeInstanceOf(FetchError);
  });
  it("--resolve maps a made-up host, keeping the Host header", async () => {
    const res = await safeFetch(`http://made-up.test:${site.port}/`, {
      resolve: new Map([["made-up.test", "127.0.0.1"]]),
      allowPrivateHosts: ["made-up.test"],
    });
    expect(res.status).toBe(200);
    expect(site.requests.at(-1)?.headers.host).toBe(`made-up.test:${site.port}`);
  });
  it("re-checks every redirect hop: a redirect to 127.0.0.1 is refused", async () => {
    const opts = { resolve: new Map([["public.test", "127.0.0.1"]]), allowPrivateHosts: ["public.test"] };
    await expect(safeFetch(`http://public.test:${gen.port}/go-local`, opts)).rejects.toMatchObject({
      code: "blocked",
      url: `http://127.0.0.1:${gen.port}/secret`,
    });
    const r = await crawlSite(`http://public.test:${gen.port}/`, { ...opts, maxPages: 2, sitemap: false });
    expect(r.pages).toHaveLength(2);
  });
  it("bounds time and size", async () => {
    await expect(
      safeFetch(`${gen.origin}/slow`, { allowPrivate: true, timeoutMs: 200 }),
    ).rejects.toMatchObject({
      code: "timeout",
    });
    const big = await safeFetch(`${gen.origin}/big/0`, { allowPrivate: true, maxBytes: 1000 });
    expect(big.truncated).toBe(true);
    expect(big.body.length).toBe(1000);
  });
});
