import { describe, expect, it } from "vitest";
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
});
