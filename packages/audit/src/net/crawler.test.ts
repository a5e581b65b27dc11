import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureSite, startServer, type TestServer } from "../../test/server.ts";
import { fetchPage } from "./browser-fetch.ts";
import { crawl } from "./crawler.ts";

let site: TestServer;
beforeAll(async () => {
  site = await startServer(fixtureSite("nfr-good"));
});
afterAll(() => site.close());

describe("shared crawler with the browser fetcher (fetch())", () => {
  it("crawls the same pages as the Node crawler, through a pluggable fetch and parser", async () => {
    const parsed: string[] = [];
    const r = await crawl(`${site.origin}/`, {
      fetch: fetchPage,
      parse: (html, url) => {
        parsed.push(new URL(url).pathname);
        return parseHTML(html).document;
      },
    });
    expect(r.pages.map((p) => new URL(p.url).pathname).sort()).toEqual([
      "/",
      "/about.html",
      "/contacts.html",
      "/products.html",
      "/services.html",
    ]);
    expect(parsed).toHaveLength(5);
    expect(r.pages[0]?.headers["x-powered-cms"]).toMatch(/Bitrix Site Manager/);
  });
  it("bounds the body and refuses other schemes", async () => {
    const r = await fetchPage(`${site.origin}/`, { maxBytes: 100 });
    expect(r.body.length).toBe(100);
    expect(r.truncated).toBe(true);
    await expect(fetchPage("file:///etc/passwd")).rejects.toMatchObject({ code: "url" });
    await expect(fetchPage("http://127.0.0.1:1/")).rejects.toMatchObject({ code: "network" });
  });
});
