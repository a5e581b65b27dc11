// Localisation shared by the widgets: Russian first, English second; the language comes from `lang`.
import type { PartnerStatus } from "./token.ts";

export type Lang = "ru" | "en";

/** The element's own or nearest `lang`, then the page's; Russian unless it names another language. */
export function langOf(el: Element): Lang {
  const lang = el.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang ?? "";
  return lang === "" || /^ru\b/i.test(lang) ? "ru" : "en";
}

const STATUS: Record<Exclude<PartnerStatus, "none">, { ru: string; en: string }> = {
  business: { ru: "Бизнес-партнёр", en: "Business Partner" },
  certified: { ru: "Сертифицированный партнёр", en: "Certified Partner" },
  gold: { ru: "Золотой сертифицированный партнёр", en: "Gold Certified Partner" },
};

const TEXT = {
  loading: { ru: "Проверка статуса партнёра…", en: "Checking the partner status…" },
  unverified: { ru: "Размещение не подтверждено", en: "Unverified placement" },
  terminated: { ru: "Не является партнёром", en: "Not a partner" },
  failed: { ru: "Не удалось проверить статус", en: "Can't verify the status" },
  until: { ru: "действует до", en: "valid until" },
  verify: { ru: "Проверить на сайте 1С-Битрикс", en: "Verify on the 1C-Bitrix site" },
  competencies: { ru: "Компетенции партнёра 1С-Битрикс", en: "1C-Bitrix partner competencies" },
  seal: { ru: "Участник программы качества 1С-Битрикс", en: "1C-Bitrix quality program participant" },
} as const;

export type TextKey = keyof typeof TEXT;

export function t(lang: Lang, key: TextKey): string {
  return TEXT[key][lang];
}

export function statusLabel(lang: Lang, status: Exclude<PartnerStatus, "none">): string {
  return STATUS[status][lang];
}

/** "2027-05-01" → "01.05.2027" (ru) or "1 May 2027" (en): a calendar date, no time-zone shift. */
export function formatDate(lang: Lang, iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(lang === "ru" ? "ru-RU" : "en-GB", {
    timeZone: "UTC",
    dateStyle: lang === "ru" ? "short" : "long",
  });
}
