import { describe, expect, it } from "vitest";
import { loadPage } from "../../test/server.ts";
import type { SiteInput } from "../site.ts";
import { viewOf } from "../site.ts";
import { checkFooterOnPage, checkIntegration, isVendorLink } from "./a1-integration.ts";

async function footer(file: string) {
  const page = await loadPage(`pages/${file}.html`);
  const input: SiteInput = { url: page.url, pages: [page], crawled: false };
  return checkFooterOnPage(viewOf(page, input));
}

describe("A1 (R6.2c) footer on a page", () => {
  it("passes with the text and a link to www.1c-bitrix.ru", async () => {
    const f = await footer("footer-ok");
    expect(f.verdict).toBe("pass");
    expect(f.evidence[1]?.excerpt).toBe("https://www.1c-bitrix.ru/");
  });
  it("tolerates &nbsp;, other quotes and http://www.1c-bitrix.ru", async () => {
    expect((await footer("footer-nbsp-quotes")).verdict).toBe("pass");
  });
  it("an @media print rule does not hide it on screen", async () => {
    expect((await footer("hidden-media-print-only")).verdict).toBe("pass");
  });
  it("fails when the footer is missing", async () => {
    const f = await footer("footer-missing");
    expect(f.verdict).toBe("fail");
    expect(f.details?.problem).toBe("missing");
  });
  it.each([
    ["hidden-display-none", "display-none"],
    ["hidden-attribute", "hidden-attribute"],
    ["hidden-style-rule", "display-none"],
    ["hidden-aria", "aria-hidden"],
    ["hidden-offscreen", "off-screen"],
    ["hidden-zero-size", "zero-size"],
    ["hidden-opacity", "opacity-0"],
    ["hidden-visibility", "visibility-hidden"],
    ["hidden-transparent", "transparent-text"],
  ])("fails when hidden: %s", async (file, reason) => {
    const f = await footer(file);
    expect(f.verdict).toBe("fail");
    expect(f.details?.problem).toBe("hidden");
    expect(f.message.en).toContain(reason);
    expect(f.message.ru).toMatch(/скрыт/);
  });
  it.each(["wrong-link", "wrong-link-bitrix24"])("fails with a link elsewhere: %s", async (file) => {
    const f = await footer(file);
    expect(f.verdict).toBe("fail");
    expect(f.details?.problem).toBe("wrong-link");
  });
  it("fails without a link", async () => {
    expect((await footer("no-link")).details?.problem).toBe("no-link");
  });
  it("is strict about the link host", () => {
    const base = "https://x.ru/";
    expect(isVendorLink("https://www.1c-bitrix.ru/", base)).toBe(true);
    expect(isVendorLink("http://1c-bitrix.ru/products/", base)).toBe(true);
    expect(isVendorLink("//www.1c-bitrix.ru", base)).toBe(true);
    expect(isVendorLink("https://1c-bitrix.ru.evil.com/", base)).toBe(false);
    expect(isVendorLink("https://evil.com/?u=www.1c-bitrix.ru", base)).toBe(false);
    expect(isVendorLink("https://www.1c-bitrix.ru@evil.com/", base)).toBe(false);
    expect(isVendorLink("ftp://www.1c-bitrix.ru/", base)).toBe(false);
    expect(isVendorLink("/local", base)).toBe(false);
  });
});

describe("A1 (R6.2c) site-wide", () => {
  const site = async (files: string[], crawled = true): Promise<SiteInput> => {
    const pages = await Promise.all(
      files.map((f, i) => loadPage(`nfr-good/${f}`, `https://primer-studio.ru/${i}`)),
    );
    return { url: pages[0]!.url, pages, crawled };
  };
  it("passes when every item is somewhere and the footer is on every page", async () => {
    const { finding, pageFindings } = checkIntegration(
      await site(["index.html", "about.html", "services.html", "products.html", "contacts.html"]),
    );
    expect(finding.message.en).toBe("All R6.2c integration requirements are met");
    expect(finding.verdict).toBe("pass");
    expect(pageFindings.map((f) => f.verdict)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
  });
  it("fails naming what is missing (no edition description)", async () => {
    const { finding } = checkIntegration(await site(["index.html", "about.html", "services.html"]));
    expect(finding.verdict).toBe("fail");
    expect(finding.message.en).toContain("covering every edition");
    expect(finding.details?.missingEditions).toEqual(["start", "standard", "small_business", "business"]);
  });
  it("fails when one page lacks the footer", async () => {
    const pages = [
      ...(await site(["index.html", "about.html", "services.html", "products.html"])).pages,
      await loadPage("pages/footer-missing.html", "https://primer-studio.ru/x"),
    ];
    const { finding, pageFindings } = checkIntegration({ url: pages[0]!.url, pages, crawled: true });
    expect(finding.verdict).toBe("fail");
    expect(pageFindings[4]?.verdict).toBe("fail");
    expect(finding.message.en).toContain("1 of 5 pages");
  });
  it("says review for a single page, not a silent pass", async () => {
    const { finding } = checkIntegration(await site(["index.html"], false));
    expect(finding.verdict).toBe("review");
    expect(finding.message.en).toContain("one page checked");
  });
});
