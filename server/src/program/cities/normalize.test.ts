import { describe, expect, it } from "vitest";
import { russianCities } from "./data.ts";
import { cityKey, knownCity, sameCity } from "./normalize.ts";

describe("R7.1b city normalisation", () => {
  it("R7.1b: the list holds at least a hundred cities", () => {
    expect(russianCities.length).toBeGreaterThanOrEqual(100);
  });

  it.each([
    "Санкт-Петербург",
    "санкт петербург",
    "г. Санкт-Петербург",
    "СПб",
    "Питер",
    "Saint Petersburg",
    "St. Petersburg",
    "Sankt-Peterburg",
  ])("R7.1b: %s is Санкт-Петербург", (spelling) => {
    expect(knownCity(spelling)).toBe("Санкт-Петербург");
  });

  it("R7.1b: transliteration variants, abbreviations and ё match", () => {
    expect(sameCity("Yekaterinburg", "Екатеринбург")).toBe(true);
    expect(sameCity("Ekaterinburg", "екб")).toBe(true);
    expect(sameCity("Nizhniy Novgorod", "Н. Новгород")).toBe(true);
    expect(sameCity("Nizhny Novgorod", "Нижний Новгород")).toBe(true);
    expect(sameCity("Орел", "Oryol")).toBe(true);
    expect(sameCity("Ростов н/Д", "Rostov-on-Don")).toBe(true);
    expect(sameCity("Moscow", "г Москва")).toBe(true);
    expect(sameCity("Khabarovsk", "Хабаровск")).toBe(true);
  });

  it("R7.1b: different cities do not match; unknown cities compare by their normalised form", () => {
    expect(sameCity("Москва", "Санкт-Петербург")).toBe(false);
    expect(sameCity("Нижний Тагил", "Нижний Новгород")).toBe(false);
    expect(knownCity("Кукуево")).toBeUndefined();
    expect(cityKey("г. Кукуево")).toBe(cityKey("кукуево"));
    expect(sameCity("Кукуево", "Урюпинск")).toBe(false);
  });
});
