// Localisation shared by the widgets: Russian first, English second; the language comes from `lang`.
import type { PartnerStatus } from "./token.ts";

export type Lang = "ru" | "en";

/** The element's own or nearest `lang`, then the page's; Russian unless it names another language. */
export function langOf(el: Element): Lang {
  const lang = el.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang ?? "";
  return lang === "" || /^ru\b/i.test(lang) ? "ru" : "en";
}

/** [Russian, English]; statuses by their PartnerStatus name. */
const TEXT = {
  business: ["Бизнес-партнёр", "Business Partner"],
  certified: ["Сертифицированный партнёр", "Certified Partner"],
  gold: ["Золотой сертифицированный партнёр", "Gold Certified Partner"],
  loading: ["Проверка статуса…", "Checking the status…"],
  unverified: ["Размещение не подтверждено", "Unverified placement"],
  terminated: ["Не является партнёром", "Not a partner"],
  failed: ["Не удалось проверить статус", "Can't verify the status"],
  until: ["действует до", "valid until"],
  verify: ["Проверить на сайте 1С-Битрикс", "Verify on the 1C-Bitrix site"],
  competencies: ["Компетенции партнёра 1С-Битрикс", "1C-Bitrix partner competencies"],
  seal: ["Участник программы качества 1С-Битрикс", "1C-Bitrix quality program participant"],
} as const satisfies Record<Exclude<PartnerStatus, "none">, readonly [string, string]> &
  Record<string, readonly [string, string]>;

export type TextKey = keyof typeof TEXT;

export function t(lang: Lang, key: TextKey): string {
  return TEXT[key][lang === "ru" ? 0 : 1];
}

/** "2027-05-01" → "01.05.2027" (ru) or "1 May 2027" (en): a calendar date, no time-zone shift. */
export function formatDate(lang: Lang, iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(lang === "ru" ? "ru-RU" : "en-GB", {
    timeZone: "UTC",
    dateStyle: lang === "ru" ? "short" : "long",
  });
}
