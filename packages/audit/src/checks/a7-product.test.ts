import { describe, expect, it } from "vitest";
import { loadPage, pageFromHtml } from "../../test/server.ts";
import { checkProduct } from "./a7-product.ts";

describe("A7 (R5.4c) the site runs on a vendor product", () => {
  it("passes with evidence for each signal", async () => {
    const page = await loadPage("nfr-good/index.html", "https://primer-studio.ru/", {
      "x-powered-cms": "Bitrix Site Manager (DEMO)",
      "set-cookie": ["PHPSESSID=1", "BITRIX_SM_GUEST_ID=5; path=/"],
    });
    const f = checkProduct({ url: page.url, pages: [page], crawled: false });
    expect(f.verdict).toBe("pass");
    expect(f.details?.signals).toEqual(
      expect.arrayContaining(["header", "cookie", "asset:js", "asset:templates", "script"]),
    );
    expect(f.evidence.some((e) => e.header === "Set-Cookie: BITRIX_SM_GUEST_ID=…")).toBe(true);
    expect(f.evidence.some((e) => e.excerpt === "/bitrix/js/main/core/core.js")).toBe(true);
  });
  it("an inline bxSession / BX.message script alone is a signal", () => {
    const page = pageFromHtml("<body><script>var bxSession = {};</script></body>");
    expect(checkProduct({ url: page.url, pages: [page], crawled: false }).verdict).toBe("pass");
  });
  it("fails on a site with no signal", async () => {
    const page = await loadPage("plain/index.html", "https://plain.example/", { "x-powered-by": "Express" });
    const f = checkProduct({ url: page.url, pages: [page], crawled: true });
    expect(f.verdict).toBe("fail");
    expect(checkProduct({ url: page.url, pages: [page], crawled: false }).verdict).toBe("review");
  });
});
