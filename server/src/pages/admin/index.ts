// Admins' pages (issue 10): the catalogues (prices, holidays, courses and requirements, competencies, the QM
// questionnaire, competing platforms, e-mail templates) and the audit trail, in the moderation console's frame.
// Each page reads in one Promise.all; each form is validated, written by the program/ catalogue function, then
// 303 back.
import type { Context } from "hono";
import { html } from "hono/html";
import { notFound } from "../../errors/index.ts";
import { createRouter } from "../../routes/router.ts";
import type { AppEnv } from "../../types.ts";
import { fieldErrors, formAlert, readForm, refusal } from "../form.ts";
import type { PageDeps } from "../index.ts";
import { bi } from "../layout.ts";
import { consolePage, doneNotice } from "../moderation/frame.ts";
import { consoleMenu } from "../moderation/index.ts";
import { calendar } from "./calendar.ts";
import { competencies } from "./competencies.ts";
import { platforms } from "./lists.ts";
import { logPage } from "./log.ts";
import { mailTemplates } from "./mail-templates.ts";
import { prices } from "./prices.ts";
import { qmQuestionnaire } from "./questionnaire.ts";
import { training } from "./training.ts";
import type { AdminPage, Posted } from "./types.ts";

export const adminPages: AdminPage<unknown>[] = [
  prices,
  calendar,
  training,
  competencies,
  qmQuestionnaire,
  platforms,
  mailTemplates,
];

function pageOf(slug: string) {
  const p = adminPages.find((x) => x.slug === slug);
  if (!p) throw notFound("Нет такого справочника / No such catalogue.");
  return p;
}

const menu = [
  ...consoleMenu,
  ...adminPages.map((p) => ({ href: `/admin/${p.slug}`, ru: p.ru, en: p.en, adminOnly: true })),
];

function indexPage(c: Context<AppEnv>) {
  const body = html`<p>${bi(
    "Справочники программы — данные, которые читают правила. Каждое изменение записывается в журнал модерации.",
    "The program's catalogues: data the rules read. Every change is written to the audit trail.",
  )}</p>
    <ul>${adminPages.map((p) => html`<li><a href="/admin/${p.slug}">${bi(p.ru, p.en)}</a> — <span class="muted">${bi(p.about[0], p.about[1])}</span></li>`)}</ul>`;
  return consolePage(c, menu, "/admin", ["Справочники", "Catalogues"], body);
}

async function catalogue(
  c: Context<AppEnv>,
  deps: PageDeps,
  posted?: Posted,
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const p = pageOf(c.req.param("page")!);
  const data = await p.load(deps);
  const body = html`<p class="muted">${bi(p.about[0], p.about[1])}</p>${doneNotice(c.req.query("done"))}
    ${p.view(data, posted)}
    ${p.forms.map((f) => {
      if (!f.fields) return ""; // the view draws it
      const mine = posted?.form === f.name ? posted : undefined;
      return html`<section aria-labelledby="f-${f.name}-h"><h2 id="f-${f.name}-h">${bi(f.label[0], f.label[1])}</h2>
        <form class="stack" method="post" action="/admin/${p.slug}/${f.name}">
          ${formAlert(mine?.errors)}${f.fields(data, mine?.values ?? {}, mine?.errors)}
          <button type="submit">${bi("Сохранить", "Save")}</button></form></section>`;
    })}
`;
  return consolePage(c, menu, `/admin/${p.slug}`, [p.ru, p.en], body, status);
}

async function save(c: Context<AppEnv>, deps: PageDeps) {
  const p = pageOf(c.req.param("page")!);
  const form = p.forms.find((f) => f.name === c.req.param("form"));
  if (!form) throw notFound("Нет такой формы / No such form.");
  const values = await readForm(c, [deps.publicUrl]);
  const parsed = form.schema.safeParse(values);
  if (!parsed.success)
    return catalogue(c, deps, { form: form.name, values, errors: fieldErrors(parsed.error) }, 422);
  try {
    await form.run(deps, c.get("principal")!, parsed.data);
  } catch (err) {
    const { errors, status } = refusal(err);
    return catalogue(c, deps, { form: form.name, values, errors }, status);
  }
  return c.redirect(`/admin/${p.slug}?done=${form.name}`, 303);
}

export function adminPageRoutes(deps: PageDeps) {
  return createRouter()
    .get("/admin", (c) => indexPage(c))
    .get("/admin/moderation-log", (c) => logPage(c, deps))
    .get("/admin/:page", (c) => catalogue(c, deps))
    .post("/admin/:page/:form", (c) => save(c, deps));
}
