// The moderation console (issue 10) at /moderation: an overview of every queue with its count and overdue count,
// one page per queue, one page per item with its decisions as forms (POST → 303, errors by field). Staff only
// (pages/moderation/policy.ts); each page reads its data in one Promise.all through the program/ modules.
import type { Context } from "hono";
import { html } from "hono/html";
import { notFound } from "../../errors/index.ts";
import { createRouter } from "../../routes/router.ts";
import type { AppEnv } from "../../types.ts";
import { type FieldErrors, type FormData, fieldErrors, formAlert, readForm, refusal } from "../form.ts";
import type { PageDeps } from "../index.ts";
import { bi } from "../layout.ts";
import { auditFindings, badgePlacements } from "./audit-queues.ts";
import { consolePage, doneNotice, overdueFlag, type Section } from "./frame.ts";
import { leads, phoneDays, promotions } from "./market-queues.ts";
import { marketplacePublications } from "./marketplace-queue.ts";
import { mobileApps } from "./mobile-app-queue.ts";
import {
  additionalPoints,
  applications,
  cardChanges,
  nfrRequests,
  projects,
  qmCalls,
} from "./partner-queues.ts";
import type { Queue } from "./types.ts";

export const queues: Queue<unknown>[] = [
  applications,
  cardChanges,
  projects,
  qmCalls,
  additionalPoints,
  marketplacePublications,
  mobileApps,
  nfrRequests,
  leads,
  promotions,
  phoneDays,
  auditFindings,
  badgePlacements,
];

/** The console's menu: the overview, every queue, and the admins' audit trail and catalogues. */
export const consoleMenu: Section[] = [
  { href: "/moderation", ru: "Все очереди", en: "All queues" },
  ...queues.map((q) => ({ href: `/moderation/${q.slug}`, ru: q.ru, en: q.en })),
  { href: "/admin/moderation-log", ru: "Журнал модерации", en: "Audit trail", adminOnly: true },
  { href: "/admin", ru: "Справочники", en: "Catalogues", adminOnly: true },
];

function queueOf(slug: string) {
  const q = queues.find((x) => x.slug === slug);
  if (!q) throw notFound("Нет такой очереди / No such queue.");
  return q;
}

async function overviewPage(c: Context<AppEnv>, deps: PageDeps) {
  const loaded = await Promise.all(queues.map((q) => q.load(deps)));
  const body = html`<div class="table-wrap"><table><thead><tr>
      <th scope="col">${bi("Очередь", "Queue")}</th><th scope="col" class="num">${bi("В очереди", "Waiting")}</th>
      <th scope="col" class="num">${bi("Просрочено", "Overdue")}</th><th scope="col">${bi("Срок", "Term")}</th></tr></thead>
    <tbody>${queues.map((q, i) => {
      const items = loaded[i]!;
      const late = items.filter((it) => q.overdue(it)).length;
      return html`<tr><th scope="row"><a href="/moderation/${q.slug}">${bi(q.ru, q.en)}</a></th>
        <td class="num">${items.length}</td><td class="num">${q.due ? (late ? html`<strong>${late}</strong>` : "0") : "—"}</td>
        <td class="muted">${bi(q.about[0], q.about[1])}</td></tr>`;
    })}</tbody></table></div>`;
  return consolePage(c, consoleMenu, "/moderation", ["Очереди модерации", "Moderation queues"], body);
}

async function queuePage(c: Context<AppEnv>, deps: PageDeps) {
  const q = queueOf(c.req.param("queue")!);
  const items = await q.load(deps);
  const linked = Boolean(q.decisions?.length);
  const body = html`<p class="muted">${bi(q.about[0], q.about[1])}</p>${doneNotice(c.req.query("done"))}
    ${
      items.length
        ? html`<div class="table-wrap"><table><thead><tr>${q.head.map(
            ([ru, en]) => html`<th scope="col">${bi(ru, en)}</th>`,
          )}${q.due ? html`<th scope="col">${bi("Срок", "Term")}</th>` : ""}${linked ? html`<th scope="col"></th>` : ""}</tr></thead>
          <tbody>${items.map(
            (it) =>
              html`<tr>${q.row(it).map((cell) => html`<td>${cell}</td>`)}<td>${overdueFlag(q.overdue(it))}</td>${
                linked
                  ? html`<td><a href="/moderation/${q.slug}/${q.id(it)}">${bi("Рассмотреть", "Review")}</a></td>`
                  : ""
              }</tr>`,
          )}</tbody></table></div>`
        : html`<p class="note">${bi("Очередь пуста.", "The queue is empty.")}</p>`
    }`;
  return consolePage(c, consoleMenu, `/moderation/${q.slug}`, [q.ru, q.en], body);
}

type Posted = { action: string; values: FormData; errors: FieldErrors };

async function itemPage(
  c: Context<AppEnv>,
  deps: PageDeps,
  posted?: Posted,
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const q = queueOf(c.req.param("queue")!);
  const id = c.req.param("id")!;
  const item = (await q.load(deps)).find((it) => q.id(it) === id);
  if (!item || !q.decisions?.length || !q.details)
    throw notFound("Нет в очереди: уже рассмотрено? / Not in the queue: already decided?");
  const body = html`<p><a href="/moderation/${q.slug}">← ${bi(q.ru, q.en)}</a> ${overdueFlag(q.overdue(item))}</p>
    ${q.details(item)}
    ${q.decisions.map((d) => {
      const mine = posted?.action === d.action ? posted : undefined;
      return html`<section aria-labelledby="d-${d.action}"><h2 id="d-${d.action}">${bi(d.label[0], d.label[1])}</h2>
        <form class="stack" method="post" action="/moderation/${q.slug}/${id}/${d.action}">
          ${formAlert(mine?.errors)}${d.fields(item, mine?.values ?? {}, mine?.errors)}
          <button type="submit"${d.secondary ? html` class="secondary"` : ""}>${bi(d.label[0], d.label[1])}</button>
        </form></section>`;
    })}`;
  return consolePage(c, consoleMenu, `/moderation/${q.slug}`, [q.ru, q.en], body, status);
}

async function decide(c: Context<AppEnv>, deps: PageDeps) {
  const q = queueOf(c.req.param("queue")!);
  const action = c.req.param("action")!;
  const decision = q.decisions?.find((d) => d.action === action);
  if (!decision) throw notFound("Нет такого решения / No such decision.");
  const values = await readForm(c, [deps.publicUrl]);
  const parsed = decision.schema.safeParse(values);
  if (!parsed.success) return itemPage(c, deps, { action, values, errors: fieldErrors(parsed.error) }, 422);
  const id = c.req.param("id")!;
  const item = (await q.load(deps)).find((it) => q.id(it) === id);
  if (!item) throw notFound("Нет в очереди: уже рассмотрено? / Not in the queue: already decided?");
  try {
    await decision.run(deps, c.get("principal")!, item, parsed.data);
  } catch (err) {
    const { errors, status } = refusal(err);
    return itemPage(c, deps, { action, values, errors }, status);
  }
  return c.redirect(`/moderation/${q.slug}?done=${encodeURIComponent(id)}`, 303);
}

export function moderationPageRoutes(deps: PageDeps) {
  return createRouter()
    .get("/moderation", (c) => overviewPage(c, deps))
    .get("/moderation/:queue", (c) => queuePage(c, deps))
    .get("/moderation/:queue/:id", (c) => itemPage(c, deps))
    .post("/moderation/:queue/:id/:action", (c) => decide(c, deps));
}
