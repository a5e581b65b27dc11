// The moderation console's frame: the queues' menu (each with its count and overdue count where the overview
// gave them), the audit trail and the catalogues for admins, inside the site's one layout (layout.ts).
import type { Context } from "hono";
import { html } from "hono/html";
import type { Principal } from "../../auth/principal.ts";
import type { AppEnv } from "../../types.ts";
import { bi, type Content, page } from "../layout.ts";

export const isAdmin = (p: Principal | null | undefined) => Boolean(p?.roles.includes("admin"));

/** The console's sections, in menu order (the queues' slugs are in queues.ts). */
export type Section = { href: string; ru: string; en: string; adminOnly?: boolean };

export function consolePage(
  c: Context<AppEnv>,
  menu: readonly Section[],
  current: string,
  title: [string, string],
  body: Content,
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const principal = c.get("principal");
  const visible = menu.filter((s) => !s.adminOnly || isAdmin(principal));
  return c.html(
    page(
      `${title[0]} / ${title[1]}`,
      html`<p class="muted">${bi("Консоль модерации", "Moderation console")}</p>
        <div class="cabinet">
          <nav aria-label="Разделы консоли / Console sections"><ul>${visible.map(
            (s) =>
              html`<li><a href="${s.href}"${s.href === current ? html` aria-current="page"` : ""}>${bi(s.ru, s.en)}</a></li>`,
          )}</ul></nav>
          <div><h1>${bi(title[0], title[1])}</h1>${body}</div>
        </div>`,
      "",
      { principal, path: current.startsWith("/admin") ? "/admin" : "/moderation" },
    ),
    status,
  );
}

/** "Просрочено / Overdue" flag (R-numbered due rules live in the program modules that compute `overdue`). */
export const overdueFlag = (overdue: boolean) =>
  overdue ? html`<span class="badge state-rejected">${bi("Просрочено", "Overdue")}</span>` : "";

/** A success notice after a POST/redirect/GET. */
export const doneNotice = (done: string | undefined) =>
  done ? html`<p class="ok" role="status">${bi("Решение сохранено.", "The decision was saved.")}</p>` : "";
