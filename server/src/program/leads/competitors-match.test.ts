import { describe, expect, it } from "vitest";
import { competingPlatformSeed } from "./competitors.ts";
import { competitorsNamed as named } from "./competitors-match.ts";

// Matching over the seeded list (the table starts as this data).
const competitorsNamed = (text: string) => named(text, competingPlatformSeed);

describe("R7.1e competing platforms", () => {
  it("R7.1e: names in Latin, Cyrillic and other spellings are found", () => {
    expect(competitorsNamed("Сделаем на Тильде? Нет — на Tilda быстрее")).toEqual(["Tilda"]);
    expect(competitorsNamed("Предлагаем WordPress и OpenCart")).toEqual(["WordPress", "OpenCart"]);
    expect(competitorsNamed("Перенесём с 1С-УМИ")).toEqual(["1С-УМИ"]);
    expect(competitorsNamed("соберём на вордпресс")).toEqual(["WordPress"]);
    expect(competitorsNamed("магазин на Insales, джумла тоже")).toEqual(["Joomla", "InSales"]);
    expect(competitorsNamed("Drupal 10")).toEqual(["Drupal"]);
    expect(competitorsNamed("конструктор WIX")).toEqual(["Wix"]);
    expect(competitorsNamed("сайт на Тильде или на вордпрессе")).toEqual(["Tilda", "WordPress"]);
  });

  it("R7.1e: vendor-only proposals and words containing a spelling are not flagged", () => {
    expect(competitorsNamed("Внедрим 1С-Битрикс: Управление сайтом, редакция Бизнес")).toEqual([]);
    expect(competitorsNamed("Умиротворение, умный поиск, wpa2, wixel, Тильдазавр")).toEqual([]);
  });

  it("R7.1e: only the platforms of the list given are found", () => {
    const list = [{ name: "Craftum", spellings: ["craftum", "крафтум"] }];
    expect(named("Сделаем на Крафтуме или на Tilda", list)).toEqual(["Craftum"]);
    expect(named("Сделаем на Tilda", [])).toEqual([]);
  });
});
