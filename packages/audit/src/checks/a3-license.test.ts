import { describe, expect, it } from "vitest";
import { pageFromHtml } from "../../test/server.ts";
import type { HeaderMap } from "../page.ts";
import type { KnownKey, SiteInput } from "../site.ts";
import { checkLicense, licenseHash, parsePoweredBy, uncachedRequest } from "./a3-license.ts";

const PROJECT = "TST-NF-1234567890ABCDEF";
const keys: KnownKey[] = [
  { label: "project key", key: PROJECT, expected: true },
  { label: "partner NFR key #2", key: "NFR-PARTNER-KEY-0002", expected: false },
];

function site(headers: HeaderMap, extra: Partial<SiteInput> = {}): SiteInput {
  const page = pageFromHtml("<body></body>", "https://client.ru/", headers);
  return { url: page.url, pages: [page], crawled: false, knownKeys: keys, ...extra };
}

describe("A3 (R5.4f) license key", () => {
  it("hashes md5('BITRIX' + key + 'LICENCE')", () => {
    expect(licenseHash(PROJECT)).toBe("af85f365704e2f54dc689dc95c63c368");
  });
  it("parses the header", () => {
    expect(parsePoweredBy("Bitrix Site Manager (DEMO)")).toEqual({ kind: "demo" });
    expect(parsePoweredBy("Bitrix Site Manager (AF85F365704E2F54DC689DC95C63C368)")).toEqual({
      kind: "hash",
      hash: "af85f365704e2f54dc689dc95c63c368",
    });
  });
  it("passes on the registered key, case-insensitively", () => {
    const f = checkLicense(
      site({ "x-powered-cms": "Bitrix Site Manager (AF85F365704E2F54DC689DC95C63C368)" }),
    );
    expect(f.verdict).toBe("pass");
    expect(f.details?.key).toBe("project key");
  });
  it("fails on DEMO", () => {
    const f = checkLicense(site({ "x-powered-cms": "Bitrix Site Manager (DEMO)" }));
    expect(f.verdict).toBe("fail");
    expect(f.evidence[0]?.header).toBe("X-Powered-CMS: Bitrix Site Manager (DEMO)");
  });
  it("fails on a missing header (no composite cache)", () => {
    expect(checkLicense(site({})).verdict).toBe("fail");
  });
  it("says which other known key runs the site", () => {
    const f = checkLicense(
      site({ "x-powered-cms": `Bitrix Site Manager (${licenseHash("NFR-PARTNER-KEY-0002")})` }),
    );
    expect(f.verdict).toBe("fail");
    expect(f.message.en).toContain("partner NFR key #2");
  });
  it("fails on an unknown hash, and says review when no expected key is known", () => {
    const h = { "x-powered-cms": `Bitrix Site Manager (${licenseHash("SOMEONE-ELSE")})` };
    const f = checkLicense(site(h));
    expect(f.verdict).toBe("fail");
    expect(f.details?.key).toBeNull();
    expect(checkLicense(site(h, { knownKeys: [] })).verdict).toBe("review");
  });
  it("composite cache without the header: review and a re-request; then judged on the uncached answer", () => {
    const cached = { "x-bitrix-composite": "Cache (200)" };
    const f = checkLicense(site(cached));
    expect(f.verdict).toBe("review");
    expect(f.details?.action).toBe("refetch-uncached");
    expect(f.details?.request).toEqual(uncachedRequest("https://client.ru/"));
    const ok = checkLicense(
      site(cached, {
        uncached: {
          url: "https://client.ru/?ncc=1",
          status: 200,
          headers: { "x-powered-cms": "Bitrix Site Manager (af85f365704e2f54dc689dc95c63c368)" },
        },
      }),
    );
    expect(ok.verdict).toBe("pass");
    const still = checkLicense(
      site(cached, { uncached: { url: "https://client.ru/?ncc=1", status: 200, headers: {} } }),
    );
    expect(still.verdict).toBe("fail");
  });
  it("the uncached request adds ncc=1 and no-cache, without BX-ACTION-TYPE", () => {
    const r = uncachedRequest("https://client.ru/catalog/?a=1");
    expect(r.url).toBe("https://client.ru/catalog/?a=1&ncc=1");
    expect(r.headers).toEqual({ "cache-control": "no-cache", pragma: "no-cache" });
  });
});
