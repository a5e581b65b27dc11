// Issue 10: the e-mail templates admins edit. Each template with its rule, key and placeholders, the wording in
// force (and who changed it, when), its own edit form and — when changed — a reset. The writes are
// program/mail-templates/store.ts's (checked there, logged in moderation_log), as the API's.
import { inArray } from "drizzle-orm";
import { html } from "hono/html";
import { z } from "zod";
import { user } from "../../db/schema/index.ts";
import { examples, renderMail } from "../../mail/template.ts";
import {
  listTemplates,
  resetWording,
  saveWording,
  type TemplateView,
} from "../../program/mail-templates/store.ts";
import { field, formAlert } from "../form.ts";
import { bi, ruDateTime } from "../layout.ts";
import { adminPage, by, type Posted } from "./types.ts";

type Data = { list: TemplateView[]; names: Map<string, string> };

const key = z.string().min(1, "Выберите шаблон / Choose a template");
// Browsers send a textarea's line breaks as CRLF; mails and the defaults use LF (so the default text is a reset).
const lf = z.string().transform((v) => v.replace(/\r\n?/g, "\n"));

/** Ids of one template's fields (several forms on the page share field names). */
const formId = (t: TemplateView) => t.key.replaceAll(".", "-");
const hiddenKey = (t: TemplateView) => html`<input type="hidden" name="key" value="${t.key}">`;

function placeholders(t: TemplateView) {
  const required = new Set<string>(t.required ?? []);
  return html`<div class="table-wrap"><table><caption>${bi("Подстановки", "Placeholders")}</caption>
    <thead><tr><th scope="col">${bi("Имя", "Name")}</th><th scope="col">${bi("Что подставляется", "What it holds")}</th>
      <th scope="col">${bi("Пример", "Example")}</th></tr></thead>
    <tbody>${Object.entries(t.vars).map(
      ([name, v]) =>
        html`<tr><td><code>{{${name}}}</code>${
          required.has(name) ? html` <strong>${bi("обязательна", "required")}</strong>` : ""
        }</td><td>${bi(v.about[0], v.about[1])}</td><td>${v.example === null ? "—" : String(v.example)}</td></tr>`,
    )}</tbody></table></div>`;
}

/** One template; its details fold (dozens of templates on one page), open when its form came back with errors. */
function template(t: TemplateView, names: Map<string, string>, posted: Posted | undefined) {
  const id = formId(t);
  const mine = posted?.values.key === t.key ? posted : undefined;
  const edit = mine?.form === "edit" ? mine : undefined;
  const values = edit?.values ?? t.wording;
  const sample = renderMail(t, examples(t), t.wording);
  return html`<section id="t-${id}" aria-labelledby="t-${id}-h"><h2 id="t-${id}-h">${bi(t.title[0], t.title[1])}</h2>
    <p class="muted">${t.rule} · <code>${t.key}</code> · ${
      t.edited
        ? bi(
            `Изменён: ${names.get(t.edited.by) ?? t.edited.by}, ${ruDateTime(t.edited.at)}`,
            `Changed by an admin: ${names.get(t.edited.by) ?? t.edited.by}, ${ruDateTime(t.edited.at)} (Moscow)`,
          )
        : bi("Текст по умолчанию", "The default wording")
    }</p>
    <details${mine ? " open" : ""}><summary>${bi("Подстановки, текст и правка", "Placeholders, wording and edit")}</summary>
    ${placeholders(t)}
    <details><summary>${bi("Письмо с примерами подстановок", "The mail with the example values")}</summary>
      <pre>${sample.subject}\n\n${sample.text}</pre></details>
    <form class="stack" method="post" action="/admin/mail-templates/edit" aria-label="${t.title[0]} / ${t.title[1]}">
      ${hiddenKey(t)}${formAlert(edit?.errors)}
      ${field({ form: id, name: "subject", label: ["Тема", "Subject"], value: values.subject, errors: edit?.errors, required: true })}
      ${field({
        form: id,
        name: "text",
        label: ["Текст письма", "Text"],
        value: values.text,
        errors: edit?.errors,
        required: true,
        multiline: 14,
        hint: [
          "Mustache: {{имя}}, {{#имя}}…{{/имя}} — если есть",
          "Mustache: {{name}}, {{#name}}…{{/name}} — when set",
        ],
      })}
      <button type="submit">${bi("Сохранить", "Save")}</button></form>
    ${
      t.edited
        ? html`<form method="post" action="/admin/mail-templates/reset">${hiddenKey(t)}${formAlert(
            mine?.form === "reset" ? mine.errors : undefined,
          )}<button type="submit">${bi("Вернуть текст по умолчанию", "Back to the default wording")}</button></form>`
        : ""
    }</details></section>`;
}

export const mailTemplates = adminPage<Data>({
  slug: "mail-templates",
  ru: "Шаблоны писем",
  en: "E-mail templates",
  about: [
    "Тексты писем программы: подстановки проверяются при сохранении, каждое изменение — в журнале модерации",
    "The program's e-mail wording: placeholders are checked on saving, every change is in the audit trail",
  ],
  load: async ({ db }) => {
    const list = await listTemplates(db);
    // Who changed a template, by name: one more read for the editors.
    const ids = [...new Set(list.flatMap((t) => (t.edited ? [t.edited.by] : [])))];
    const rows = ids.length
      ? await db
          .select({ id: user.id, name: user.name, email: user.email })
          .from(user)
          .where(inArray(user.id, ids))
      : [];
    return { list, names: new Map(rows.map((u) => [u.id, `${u.name} <${u.email}>`])) };
  },
  view: ({ list, names }, posted) => {
    // A key no template has (a stale page): its refusal at the top.
    const lost = posted && !list.some((t) => t.key === posted.values.key);
    return html`${lost ? formAlert({ _: Object.values(posted.errors).flat() }) : ""}${list.map((t) => template(t, names, posted))}`;
  },
  forms: [
    {
      name: "edit",
      label: ["Изменить текст", "Change the wording"],
      schema: z.object({ key, subject: lf, text: lf }),
      run: (deps, p, d) =>
        saveWording(
          deps.db,
          d.key as string,
          { subject: d.subject as string, text: d.text as string },
          by(deps, p),
        ),
    },
    {
      name: "reset",
      label: ["Вернуть текст по умолчанию", "Back to the default wording"],
      schema: z.object({ key }),
      run: (deps, p, d) => resetWording(deps.db, d.key as string, by(deps, p)),
    },
  ],
});
