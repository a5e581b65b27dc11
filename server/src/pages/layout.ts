// The one HTML frame of the server-rendered pages: Russian document with English beside every text (both
// languages always shown, Russian first: `bi()`), landmarks, a skip link, the site menu and the partner
// department's contacts (R9). Readable without any script; scripts only where a page asks (`head`).
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Principal } from "../auth/principal.ts";
import { moscowDay } from "../clock.ts";
import { assetUrl } from "./assets.ts";

export type Content = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Russian text, then its English in a `lang="en"` span (muted by the stylesheet). */
export const bi = (ru: string | Content, en: string | Content) => html`${ru} <span lang="en">/ ${en}</span>`;

/** What the frame needs to know about the request: who is signed in, which page this is. */
export type Chrome = {
  principal?: Principal | null;
  /** The current path: its menu entry gets `aria-current="page"`. */
  path?: string;
  /** A reading-width column (forms, the verification page) instead of the full width. */
  narrow?: boolean;
};

const menu = [
  { href: "/", ru: "Каталог партнёров", en: "Partner directory" },
  { href: "/competencies", ru: "Компетенции", en: "Competencies" },
  { href: "/promotions", ru: "Акции", en: "Promotions" },
  { href: "/leads/new", ru: "Заказать сайт", en: "Request a website" },
] as const;

function header({ principal, path }: Chrome) {
  const current = (href: string) => (path === href ? html` aria-current="page"` : "");
  return html`<header class="site"><div class="bar">
  <a class="brand" href="/">Partner Trust <span lang="en">· 1С-Битрикс</span></a>
  <nav aria-label="Основное меню / Main menu"><ul>
    ${menu.map((m) => html`<li><a href="${m.href}"${current(m.href)}>${bi(m.ru, m.en)}</a></li>`)}
    ${
      principal
        ? html`<li><a href="/leads/mine"${current("/leads/mine")}>${bi("Мои заявки", "My requests")}</a></li>
          <li><a href="/cabinet"${current("/cabinet")}>${bi("Кабинет", "Cabinet")}</a></li>`
        : ""
    }
    ${principal?.roles.some((r) => r === "admin" || r === "moderator") ? html`<li><a href="/moderation"${current("/moderation")}>${bi("Модерация", "Moderation")}</a></li>` : ""}
  </ul></nav>
  <div class="who">${
    principal
      ? html`<span>${principal.name}</span>
      <form method="post" action="/sign-out"><button class="link" type="submit">${bi("Выйти", "Sign out")}</button></form>`
      : html`<a href="/sign-in">${bi("Войти", "Sign in")}</a>`
  }</div>
</div></header>`;
}

export function page(title: string, body: Content, head: Content | string = "", chrome: Chrome = {}) {
  return html`<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Partner Trust</title>
<link rel="stylesheet" href="${assetUrl("pages.css")}">
${head}
</head>
<body>
<a class="skip" href="#main">Перейти к содержимому <span lang="en">/ Skip to content</span></a>
${header(chrome)}
<main id="main" tabindex="-1"${chrome.narrow ? html` class="narrow"` : ""}>${body}</main>
<footer class="site-foot"><div class="wrap">
  ${bi("Партнёрский отдел 1С-Битрикс", "1C-Bitrix partner department")}:
  <a href="tel:88002501860">8-800-250-1860</a>, <a href="tel:+74952291441">+7 (495) 229-14-41</a>,
  <a href="mailto:partners@1c-bitrix.ru">partners@1c-bitrix.ru</a>, ${bi("10:00–19:00 МСК", "10:00–19:00 Moscow time")}.
</div></footer>
</body>
</html>`;
}

/** The enhancement script (copy buttons); a page that needs it passes this as `head`. */
export const enhance = () => html`<script type="module" src="${assetUrl("pages.js")}"></script>`;

/** dd.mm.yyyy for a civil date `YYYY-MM-DD` (or a Date, in Moscow time); "—" for none. */
export function ruDate(d: string | Date | null | undefined): string {
  if (!d) return "—";
  return (typeof d === "string" ? d.slice(0, 10) : moscowDay(d)).split("-").reverse().join(".");
}

/** dd.mm.yyyy hh:mm in Moscow time, the program's clock (R1.2b, R5.6). */
export function ruDateTime(d: Date): string {
  const time = d.toLocaleTimeString("ru-RU", {
    timeZone: "Europe/Moscow",
    hour: "2-digit",
    minute: "2-digit",
  });
  return `${ruDate(d)} ${time}`;
}
