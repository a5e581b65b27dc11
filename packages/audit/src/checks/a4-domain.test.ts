import { describe, expect, it } from "vitest";
import { pageFromHtml } from "../../test/server.ts";
import { auditSite } from "../audit.ts";
import { checkDomain, normaliseDomainLabels, trademarkInDomain } from "./a4-domain.ts";

describe("A4 (R1.6b) trademark in the domain", () => {
  it.each([
    "bitrix-studio.ru",
    "b1trix24.com",
    "1c-bitrix-dev.ru",
    "xn--90aoai2aid.xn--p1ai",
    "битрикс.рф",
    "BITRIX_shop.ru",
    "web.bіtrіx.ru",
  ])("flags %s", (host) => {
    expect(trademarkInDomain(host)).toBeDefined();
    expect(checkDomain(`https://${host}/`).verdict).toBe("fail");
  });
  it.each(["bitr.ix", "primer-studio.ru", "bit.rix.ru", "orbita.ru"])("passes %s", (host) => {
    expect(trademarkInDomain(host)).toBeUndefined();
    expect(checkDomain(`https://${host}/`).verdict).toBe("pass");
  });
  it("normalises as the Decision says: Unicode, lower-case, look-alikes, 1→i, 0→o, separators in labels", () => {
    expect(normaliseDomainLabels("1C-Bitrix-Dev.RU")).toEqual(["icbitrixdev", "ru"]);
    expect(normaliseDomainLabels("xn--90aoai2aid.xn--p1ai")).toEqual(["биtpиkc", "pф"]);
    expect(normaliseDomainLabels("b0x_1.ru")).toEqual(["boxi", "ru"]);
  });
  it("RULES.md's example xn--90aefhe5axg.xn--p1ai is бизнесгр.рф, not битрикс.рф (битрикс.рф is xn--90aoai2aid.xn--p1ai)", () => {
    // Applying the Decision exactly: the catalogue's punycode does not decode to the mark.
    expect(normaliseDomainLabels("xn--90aefhe5axg.xn--p1ai")[0]).toBe("бизhecгp");
    expect(trademarkInDomain("xn--90aefhe5axg.xn--p1ai")).toBeUndefined();
  });
  it("checks extra hosts (e.g. the card's domains)", () => {
    expect(checkDomain("https://primer.ru/", ["bitrix-studio.ru"]).verdict).toBe("fail");
  });
  it("R1.6a: the marks in a partner's own advertising are allowed — only the domain is checked (R1.6b)", () => {
    const ad = `<body><h1>Студия Пример — партнёр «1С-Битрикс»</h1>
      <p>Разработка сайтов на 1С-Битрикс: Управление сайтом и внедрение Битрикс24.</p></body>`;
    const finding = (url: string) =>
      auditSite({ url, pages: [pageFromHtml(ad, url)], crawled: false }).findings.find(
        (f) => f.rule === "A4",
      );
    expect(finding("https://primer-studio.ru/")).toMatchObject({ verdict: "pass" });
    expect(finding("https://bitrix-primer.ru/")).toMatchObject({ verdict: "fail" });
  });
});
