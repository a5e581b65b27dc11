import { readFile } from "node:fs/promises";
import { type FetchResult, licenseHash, type VisibilityStrategy } from "@partner-trust/audit";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { runLiveAudit } from "./live-audit.ts";

const FIXTURE = new URL("../../packages/audit/fixtures/nfr-good/", import.meta.url);
const ORIGIN = "https://alfa-client-1.ru";
const KEY = "NFR-ALFA-0001";

async function page(path: string): Promise<string> {
  const file = path === "/" ? "index.html" : path.slice(1);
  return (await readFile(new URL(file, FIXTURE), "utf8")).replaceAll("http://SITE", ORIGIN);
}

/** A fake site behind fetch(): the fixture pages, the project's key in X-Powered-CMS unless composite-cached. */
function site(options: { composite?: boolean } = {}) {
  const requests: { url: string; headers?: Record<string, string> }[] = [];
  const fetch = async (url: string, o: { headers?: Record<string, string> }): Promise<FetchResult> => {
    requests.push({ url, ...(o.headers && { headers: o.headers }) });
    const u = new URL(url);
    let body: string;
    try {
      body = await page(u.pathname);
    } catch {
      return {
        url,
        finalUrl: url,
        status: 404,
        headers: {},
        body: new Uint8Array(),
        truncated: false,
        redirects: [],
      };
    }
    const cached = options.composite && !u.searchParams.has("ncc");
    return {
      url,
      finalUrl: url,
      status: 200,
      headers: {
        "content-type": u.pathname.endsWith(".xml")
          ? "application/xml"
          : u.pathname.endsWith(".txt")
            ? "text/plain"
            : "text/html",
        ...(cached
          ? { "x-bitrix-composite": "Cache (200)" }
          : { "x-powered-cms": `Bitrix Site Manager (${licenseHash(KEY)})` }),
      },
      body: new TextEncoder().encode(body),
      truncated: false,
      redirects: [],
    };
  };
  return { fetch, requests };
}

/** The live page's computed strategy, faked: a script has hidden the footer. */
const footerHidden: VisibilityStrategy = {
  check: (el) => {
    const footer = el.closest("footer");
    return footer ? { visible: false, reason: "display-none", element: footer } : { visible: true };
  },
};

const knownKeys = [{ label: "ключ проекта / project key", hash: licenseHash(KEY), expected: true }];

describe("the audit in place (content script logic)", () => {
  it("audits the live DOM with its own visibility, crawls the rest statically, reads headers by re-fetch", async () => {
    const { document } = parseHTML(await page("/"));
    const s = site();
    const progress: number[] = [];
    const r = await runLiveAudit(
      { crawl: true, knownKeys },
      {
        url: `${ORIGIN}/#top`,
        document,
        liveVisibility: footerHidden,
        parse: (html) => parseHTML(html).document,
        fetch: s.fetch,
        onProgress: (p) => progress.push(p.done),
      },
    );
    expect(r.url).toBe(`${ORIGIN}/`);
    expect(r.headersRead).toBe(true);
    expect(r.pages.map((p) => new URL(p.url).pathname)).toEqual(
      expect.arrayContaining(["/", "/about.html", "/contacts.html"]),
    );
    expect(r.pages).toHaveLength(5);
    // The live page fails A1 (hidden footer); the crawled pages' static HTML passes.
    expect(r.pages[0]).toMatchObject({ live: true, findings: [{ rule: "A1", verdict: "fail" }] });
    expect(r.pages.slice(1).every((p) => p.findings[0]?.verdict === "pass")).toBe(true);
    expect(r.findings.find((f) => f.rule === "A1")?.verdict).toBe("fail");
    // A3 against the hash the server sent: the project's key.
    expect(r.findings.find((f) => f.rule === "A3")).toMatchObject({
      verdict: "pass",
      details: { key: "ключ проекта / project key" },
    });
    expect(progress.at(-1)).toBe(5);
  });

  it("a composite-cached page is re-requested uncached for A3 (?ncc=1, no-cache)", async () => {
    const { document } = parseHTML(await page("/"));
    const s = site({ composite: true });
    const r = await runLiveAudit(
      { crawl: false, knownKeys },
      {
        url: `${ORIGIN}/`,
        document,
        liveVisibility: footerHidden,
        parse: (h) => parseHTML(h).document,
        fetch: s.fetch,
      },
    );
    expect(s.requests.map((q) => q.url)).toEqual([`${ORIGIN}/`, `${ORIGIN}/?ncc=1`]);
    expect(s.requests[1]?.headers?.["cache-control"]).toBe("no-cache");
    expect(r.findings.find((f) => f.rule === "A3")?.verdict).toBe("pass");
    // A single page: site-wide requirements say review, not pass.
    expect(r.pages).toHaveLength(1);
  });

  it("an unreachable re-fetch still audits the live page, without headers", async () => {
    const { document } = parseHTML(await page("/"));
    const r = await runLiveAudit(
      { crawl: true },
      {
        url: `${ORIGIN}/`,
        document,
        liveVisibility: footerHidden,
        parse: (h) => parseHTML(h).document,
        fetch: () => Promise.reject(new Error("offline")),
      },
    );
    expect(r.headersRead).toBe(false);
    expect(r.findings).toHaveLength(7);
    expect(r.findings.find((f) => f.rule === "A3")?.verdict).toBe("fail");
  });
});
