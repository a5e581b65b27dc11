// UI language: Russian first, English second; follows the browser unless the moderator switches.

import type { Message } from "@partner-trust/audit";
import { signal } from "@preact/signals";
import { type Locale, localeItem } from "./storage.ts";

export function browserLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith("ru") ? "ru" : language ? "en" : "ru";
}

export const locale = signal<Locale>("ru");

export async function loadLocale(language = globalThis.navigator?.language): Promise<Locale> {
  locale.value = (await localeItem.getValue()) ?? browserLocale(language);
  return locale.value;
}

export async function setLocale(next: Locale): Promise<void> {
  locale.value = next;
  await localeItem.setValue(next);
}

const strings = {
  title: { ru: "Аудит сайта", en: "Site audit" },
  signIn: { ru: "Войти", en: "Sign in" },
  signOut: { ru: "Выйти", en: "Sign out" },
  signedInAs: { ru: "Вы вошли как", en: "Signed in as" },
  email: { ru: "E-mail", en: "E-mail" },
  password: { ru: "Пароль", en: "Password" },
  serverUrl: { ru: "Адрес сервера Partner Trust", en: "Partner Trust server URL" },
  save: { ru: "Сохранить", en: "Save" },
  saved: { ru: "Сохранено", en: "Saved" },
  signInFirst: { ru: "Войдите, чтобы проводить аудит", en: "Sign in to audit sites" },
  openOptions: { ru: "Открыть настройки", en: "Open settings" },
  noSite: { ru: "Откройте сайт (http/https) в этой вкладке", en: "Open a site (http/https) in this tab" },
  allowTab: {
    ru: "Разрешить расширению видеть адрес вкладки",
    en: "Allow the extension to see the tab's address",
  },
  runAudit: { ru: "Проверить сайт", en: "Audit this site" },
  rerun: { ru: "Проверить снова", en: "Audit again" },
  crawl: { ru: "Обойти другие страницы сайта (A1)", en: "Crawl the site's other pages (A1)" },
  crawling: { ru: "Обход страниц", en: "Crawling pages" },
  pages: { ru: "страниц", en: "pages" },
  skipped: { ru: "Пропущено", en: "Skipped" },
  target: { ru: "Кого проверяем", en: "Audited for" },
  noMatch: {
    ru: "Сайт не найден среди доменов партнёров и проектов — укажите партнёра или проект",
    en: "The site matches no partner domain or project — pick a partner or project",
  },
  pickPartner: { ru: "ID партнёра", en: "Partner ID" },
  pickProject: { ru: "ID проекта", en: "Project ID" },
  find: { ru: "Найти", en: "Find" },
  partner: { ru: "Партнёр", en: "Partner" },
  project: { ru: "Проект", en: "Project" },
  findings: { ru: "Результаты", en: "Findings" },
  pass: { ru: "норма", en: "pass" },
  fail: { ru: "нарушение", en: "fail" },
  review: { ru: "проверить", en: "review" },
  showOnPage: { ru: "Показать на странице", en: "Show on page" },
  screenshot: { ru: "Снимок элемента", en: "Screenshot the element" },
  verdict: { ru: "Решение модератора", en: "Moderator's verdict" },
  confirm: { ru: "Подтвердить нарушения", en: "Confirm" },
  dismiss: { ru: "Отклонить", en: "Dismiss" },
  follow_up: { ru: "Нужна дополнительная проверка", en: "Needs follow-up" },
  note: { ru: "Комментарий", en: "Note" },
  submit: { ru: "Отправить отчёт", en: "Submit report" },
  submitted: { ru: "Отчёт отправлен", en: "Report submitted" },
  history: { ru: "Прошлые аудиты сайта", en: "Earlier audits of this site" },
  noHistory: { ru: "Аудитов этого сайта ещё не было", en: "No earlier audits of this site" },
  permissionDenied: {
    ru: "Нет доступа к сайту: разрешение не выдано",
    en: "No access to the site: permission not granted",
  },
  error: { ru: "Ошибка", en: "Error" },
  language: { ru: "English", en: "Русский" },
} satisfies Record<string, Message>;

export type StringKey = keyof typeof strings;

export function t(key: StringKey, lang: Locale = locale.value): string {
  return strings[key][lang];
}

/** A finding message (or any { ru, en }) in the current language. */
export function pick(message: Message, lang: Locale = locale.value): string {
  return message[lang];
}
