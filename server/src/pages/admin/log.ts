// The audit trail for admins (issue 5): moderation_log through the same query as GET /api/v1/admin/moderation-log
// (program/moderation-log/query.ts), filtered by a GET form (bookmarkable), newest first, keyset pages.

import { inArray } from "drizzle-orm";
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { user } from "../../db/schema/index.ts";
import { moderationLogPage } from "../../program/moderation-log/query.ts";
import type { AppEnv } from "../../types.ts";
import { type FieldErrors, field, fieldErrors } from "../form.ts";
import type { PageDeps } from "../index.ts";
import { bi, ruDateTime } from "../layout.ts";
import { consolePage } from "../moderation/frame.ts";
import { consoleMenu } from "../moderation/index.ts";

const text = z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(200).optional());
const day = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.iso.date({ error: "Дата ГГГГ-ММ-ДД / A date YYYY-MM-DD" }).optional(),
);
const Filters = z
  .object({ actor: text, action: text, targetType: text, targetId: text, from: day, to: day, cursor: text })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["to"],
    message: "Не раньше «с» / Not before «from»",
  });

/** Moscow civil days → the API's instants: `from` at 00:00 MSK, `to` inclusive (the next day's 00:00). */
const msk = (d: string) => new Date(`${d}T00:00:00+03:00`);
const nextDay = (d: string) => new Date(msk(d).getTime() + 86_400_000).toISOString();
export async function logPage(c: Context<AppEnv>, deps: PageDeps) {
  const values = c.req.query();
  const parsed = Filters.safeParse(values);
  const errors: FieldErrors | undefined = parsed.success ? undefined : fieldErrors(parsed.error);
  const f = parsed.success ? parsed.data : {};
  const page = await moderationLogPage(deps.db, {
    ...f,
    from: f.from ? msk(f.from).toISOString() : undefined,
    to: f.to ? nextDay(f.to) : undefined,
    limit: 50,
  });
  // Who, by name: one more read for the page's actors (system actors such as `system:reaudit` stay as written).
  const actorIds = [...new Set(page.items.map((e) => e.actorUserId))];
  const names = new Map(
    actorIds.length
      ? (
          await deps.db
            .select({ id: user.id, name: user.name, email: user.email })
            .from(user)
            .where(inArray(user.id, actorIds))
        ).map((u) => [u.id, `${u.name} <${u.email}>`])
      : [],
  );
  const next = page.nextCursor
    ? new URLSearchParams({ ...values, cursor: page.nextCursor }).toString()
    : null;
  const input = (name: string, label: [string, string], type?: "date") =>
    field({ name, label, value: values[name], errors, ...(type && { type }) });
  const body = html`<form class="filters" method="get" action="/admin/moderation-log">
      ${input("actor", ["Кто (id пользователя)", "Actor (user id)"])}${input("action", ["Действие", "Action"])}
      ${input("targetType", ["Тип объекта", "Target type"])}${input("targetId", ["Объект (id)", "Target id"])}
      ${input("from", ["С", "From"], "date")}${input("to", ["По", "To"], "date")}
      <button type="submit">${bi("Показать", "Show")}</button></form>
    ${
      page.items.length
        ? html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("Когда (МСК)", "When (Moscow)")}</th>
            <th scope="col">${bi("Кто", "Who")}</th><th scope="col">${bi("Действие", "Action")}</th>
            <th scope="col">${bi("Объект", "Target")}</th><th scope="col">${bi("Причина", "Reason")}</th></tr></thead>
          <tbody>${page.items.map(
            (
              e,
            ) => html`<tr><td>${ruDateTime(e.at)}</td><td>${names.get(e.actorUserId) ?? e.actorUserId}</td><td><code>${e.action}</code></td>
              <td>${e.targetType} ${e.targetId}</td><td>${e.reason ?? ""}</td></tr>`,
          )}</tbody></table></div>
          ${next ? html`<p><a href="/admin/moderation-log?${next}">${bi("Дальше", "Next")} →</a></p>` : ""}`
        : html`<p class="note">${bi("Записей нет.", "No entries.")}</p>`
    }`;
  return consolePage(
    c,
    consoleMenu,
    "/admin/moderation-log",
    ["Журнал модерации", "Audit trail"],
    body,
    parsed.success ? 200 : 422,
  );
}
