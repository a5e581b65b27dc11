import { describe, expect, it } from "vitest";
import { pageFromHtml } from "../test/server.ts";
import { licenseHash } from "./checks/a3-license.ts";
import type { SiteInput } from "./site.ts";
import { auditSiteUncached } from "./uncached.ts";

const KEY = "TST-NF-1234567890ABCDEF";
const cached = pageFromHtml("<body></body>", "https://client.ru/", { "x-bitrix-composite": "Cache (200)" });
const input: SiteInput = {
  url: cached.url,
  pages: [cached],
  crawled: false,
  // The extension gets hashes, never raw keys.
  knownKeys: [{ label: "project key", hash: licenseHash(KEY).toUpperCase(), expected: true }],
};

describe("A3 composite cache: one re-request for every runner", () => {
  it("re-requests uncached when A3 asks, and checks the answer against a precomputed hash", async () => {
    const asked: string[] = [];
    const audit = await auditSiteUncached(input, async (req) => {
      asked.push(req.url);
      expect(req.headers["cache-control"]).toBe("no-cache");
      return {
        url: req.url,
        status: 200,
        headers: { "x-powered-cms": `Bitrix Site Manager (${licenseHash(KEY)})` },
      };
    });
    expect(asked).toEqual(["https://client.ru/?ncc=1"]);
    expect(audit.findings.find((f) => f.rule === "A3")).toMatchObject({ verdict: "pass" });
  });
  it("keeps review when the re-request fails", async () => {
    const audit = await auditSiteUncached(input, () => Promise.reject(new Error("offline")));
    expect(audit.findings.find((f) => f.rule === "A3")).toMatchObject({ verdict: "review" });
  });
});
