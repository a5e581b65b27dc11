// Errors on pages are pages: the policy's 401 becomes a redirect to the sign-in form (back here after), a
// 403/404/409/422 problem+json becomes the same HTML frame with the problem in words. Mounted in app.ts
// BEFORE the session/authorisation chain on the page paths, so it sees what authorisation answered.
import type { MiddlewareHandler } from "hono";
import { html } from "hono/html";
import type { Problem } from "../errors/index.ts";
import type { AppEnv } from "../types.ts";
import { bi, page } from "./layout.ts";

const words: Record<number, [string, string]> = {
  403: ["Нет доступа к этой странице", "You may not open this page"],
  404: ["Страница не найдена", "Page not found"],
  409: ["Действие уже невозможно", "This can no longer be done"],
  422: ["Неверные данные", "Invalid data"],
};

export function signInUrl(next: string) {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

export function pageErrors(): MiddlewareHandler<AppEnv> {
  return async function pageErrors(c, next) {
    await next();
    if (!c.res.headers.get("content-type")?.startsWith("application/problem+json")) return;
    const status = c.res.status;
    if (status === 401) {
      const url = new URL(c.req.url);
      const back = c.req.method === "GET" ? url.pathname + url.search : url.pathname;
      c.res = new Response(null, { status: 303, headers: { Location: signInUrl(back) } });
      return;
    }
    const problem = (await c.res.json()) as Problem;
    const [ru, en] = words[status] ?? ["Ошибка", "Error"];
    const body = await errorPage(ru, en, problem.detail, c.get("principal"));
    c.res = new Response(String(body), { status, headers: { "Content-Type": "text/html; charset=UTF-8" } });
  };
}

export function errorPage(
  ru: string,
  en: string,
  detail: string | undefined,
  principal: AppEnv["Variables"]["principal"],
) {
  return page(
    `${ru} / ${en}`,
    html`<h1>${bi(ru, en)}</h1>
      ${detail ? html`<p class="bad" role="alert">${detail}</p>` : ""}
      <p><a href="/">${bi("В каталог партнёров", "To the partner directory")}</a> ·
        <a href="/cabinet">${bi("В кабинет", "To the cabinet")}</a></p>`,
    "",
    { principal, narrow: true },
  );
}
