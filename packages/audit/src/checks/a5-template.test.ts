import { describe, expect, it } from "vitest";
import { loadPage, pageFromHtml } from "../../test/server.ts";
import { checkTemplate } from "./a5-template.ts";

const one = (html: string) => {
  const page = pageFromHtml(html);
  return checkTemplate({ url: page.url, pages: [page], crawled: false });
};

describe("A5 (R6.2b) standard template", () => {
  it("fails on eshop_bootstrap_v4, naming it", async () => {
    const page = await loadPage("nfr-bad/index.html");
    const f = checkTemplate({ url: page.url, pages: [page], crawled: false });
    expect(f.verdict).toBe("fail");
    expect(f.details?.standard).toEqual(["eshop_bootstrap_v4"]);
    expect(f.evidence[0]?.excerpt).toBe("/bitrix/templates/eshop_bootstrap_v4/");
  });
  it.each([
    '<head><script src="/bitrix/templates/.default/script.js"></script></head>',
    '<body><img src="https://cdn.site.ru/bitrix/templates/furniture_pale-blue/images/logo.png"></body>',
    '<head><style>body{background:url("/bitrix/templates/corp_services_blue/bg.png")}</style></head>',
    '<body><div style="background-image:url(/bitrix/templates/landing24/x.png)"></div></body>',
  ])("finds standard templates in any reference: %s", (html) => {
    expect(one(html).verdict).toBe("fail");
  });
  it("passes a custom template", async () => {
    const page = await loadPage("nfr-good/index.html");
    const f = checkTemplate({ url: page.url, pages: [page], crawled: false });
    expect(f.verdict).toBe("pass");
    expect(f.details?.templates).toEqual(["primer_studio"]);
  });
  it("does not mistake a component template (.default) for a site template", () => {
    expect(
      one(
        '<head><link rel="stylesheet" href="/bitrix/components/bitrix/news/templates/.default/style.css"></head>',
      ).verdict,
    ).toBe("review");
  });
});
