// R5.4: the partner's projects — credited and not credited (R5.4a) with their states and the moderator's notes,
// and the form that adds one (the site is checked at once, R5.4f: a refusal shows the audit's evidence).
import type { Finding } from "@partner-trust/audit";
import { desc, eq, or } from "drizzle-orm";
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import * as s from "../../db/schema/index.ts";
import { AppError } from "../../errors/index.ts";
import { addProject, type ProjectDeps } from "../../program/projects/add.ts";
import type { ProjectRow } from "../../program/projects/view.ts";
import type { AppEnv } from "../../types.ts";
import {
  checkbox,
  type FieldErrors,
  type FormData,
  field,
  fieldErrors,
  formAlert,
  readForm,
  refusal,
  select,
} from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

type Deps = ProjectDeps & { publicUrl: string };

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** The form's flat fields → the program's NewProject. */
const ProjectForm = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "Адрес сайта: https://… / The site's address: https://…" })
    .max(2000),
  title: z.string().trim().min(1).max(300),
  editionCode: z.string().min(1, "Выберите редакцию / Choose the edition").max(100),
  licenseKey: z.string().trim().min(5, "Лицензионный ключ / The license key").max(200),
  clientName: z.string().trim().min(1).max(300),
  clientEmail: optional(z.email("E-mail клиента / The client's e-mail").max(320)),
  clientPhone: optional(z.string().trim().min(3).max(50)),
  ownerName: z.string().trim().min(1).max(300),
  ownerInn: optional(z.string().regex(/^(\d{10}|\d{12})$/, "ИНН: 10 или 12 цифр / INN: 10 or 12 digits")),
  publishOnSite: z.preprocess((v) => v === "on", z.boolean()),
  coDeveloperPartnerId: optional(z.string().trim().max(100)),
});

/** The program's field paths → the form's fields. */
const formField: Record<string, string> = { client: "clientName", licenseOwner: "ownerName" };

const stateWords: Record<ProjectRow["state"], [string, string]> = {
  draft: ["Черновик: на модерации", "Draft: awaiting moderation"],
  under_review: ["На проверке", "Under review"],
  accepted_for_review: ["Принят на доработку", "Accepted for review"],
  credited: ["Зачтён", "Credited"],
  rejected: ["Отклонён", "Rejected"],
};

export async function projectsPage(
  c: Context<AppEnv>,
  deps: Deps,
  form?: { values: FormData; errors: FieldErrors; evidence?: Finding[] },
  status: 200 | 409 | 422 | 403 | 404 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const { db } = deps;
  const [partner, rows, editions] = await Promise.all([
    loadPartner(db, partnerId),
    db
      .select()
      .from(s.projects)
      .where(or(eq(s.projects.partnerId, partnerId), eq(s.projects.coDeveloperId, partnerId)))
      .orderBy(desc(s.projects.submittedAt)),
    db
      .select({ id: s.editions.id, code: s.editions.code, title: s.editions.title })
      .from(s.editions)
      .where(eq(s.editions.product, "site_management"))
      .orderBy(s.editions.rank),
  ]);
  const editionTitle = (id: string | null) => editions.find((e) => e.id === id)?.title ?? "—";
  const added = c.req.query("added");
  const table = (list: ProjectRow[]) =>
    list.length
      ? html`<div class="table-wrap"><table><thead><tr>
          <th scope="col">${bi("Проект", "Project")}</th><th scope="col">${bi("Редакция", "Edition")}</th>
          <th scope="col">${bi("Состояние", "State")}</th><th scope="col" class="num">${bi("Баллы", "Points")}</th>
          <th scope="col">${bi("Замечание модератора", "Moderator's note")}</th></tr></thead><tbody>
          ${list.map(
            (p) => html`<tr><td><strong>${p.title}</strong><br><span class="muted">${p.host}</span>
              ${p.coDeveloperId ? html`<br><span class="muted">${bi("совместный", "joint")}${p.partnerId !== partnerId ? html` · ${bi("вас указали соразработчиком", "you are the co-developer")}` : ""}</span>` : ""}
              ${p.publishOnSite ? "" : html`<br><span class="muted">${bi("без публикации", "not published")}</span>`}</td>
              <td>${editionTitle(p.editionId)}</td>
              <td><span class="badge state-${p.state}">${bi(...stateWords[p.state])}</span><br><span class="muted">${ruDate(p.submittedAt)}</span></td>
              <td class="num">${p.points ?? "—"}</td>
              <td>${p.moderatorNote ?? ""}</td></tr>`,
          )}</tbody></table></div>`
      : html`<p>${bi("Нет проектов.", "No projects.")}</p>`;
  const v = form?.values ?? {};
  const errors = form?.errors;
  const body = html`
    ${added ? html`<p class="ok" role="status">${bi(`Проект ${added} добавлен и ждёт модерации.`, `The project ${added} was added and awaits moderation.`)}</p>` : ""}
    <section aria-labelledby="credited-h"><h2 id="credited-h">${bi("Зачтённые", "Credited")}</h2>${table(rows.filter((r) => r.state === "credited"))}</section>
    <section aria-labelledby="pending-h"><h2 id="pending-h">${bi("Не зачтённые", "Not credited")}</h2>${table(rows.filter((r) => r.state !== "credited"))}</section>
    <section aria-labelledby="add-h"><h2 id="add-h">${bi("Добавить проект", "Add a project")}</h2>
      <p class="muted">${bi(
        "Сайт проверяется сразу: он должен работать на «1С-Битрикс» и отдавать заголовок с хешем указанного ключа (не демо).",
        "The site is checked at once: it must run on 1C-Bitrix and send the header with the hash of this key (not a demo key).",
      )}</p>
      <form class="stack" method="post" action="/cabinet/${partner.id}/projects" novalidate>
        ${formAlert(errors)}
        ${
          form?.evidence?.length
            ? html`<ul class="bad" aria-label="Результаты проверки / Check results">${form.evidence.map(
                (f) =>
                  html`<li><strong>${f.rule}</strong> (${f.verdict}): ${f.message.ru} <span lang="en">/ ${f.message.en}</span></li>`,
              )}</ul>`
            : ""
        }
        ${field({ name: "url", type: "url", label: ["Адрес сайта", "Site URL"], value: v.url, errors, required: true, hint: ["https://example.ru/", "https://example.ru/"] })}
        ${field({ name: "title", label: ["Название", "Title"], value: v.title, errors, required: true })}
        ${select({ name: "editionCode", label: ["Редакция", "Edition"], value: v.editionCode, errors, options: [["", "—", ""], ...editions.map((e) => [e.code, e.title, ""] as const)] })}
        ${field({ name: "licenseKey", label: ["Лицензионный ключ", "License key"], value: v.licenseKey, errors, required: true })}
        ${field({ name: "clientName", label: ["Клиент", "Client"], value: v.clientName, errors, required: true })}
        ${field({ name: "clientEmail", type: "email", label: ["E-mail клиента", "Client's e-mail"], value: v.clientEmail, errors })}
        ${field({ name: "clientPhone", type: "tel", label: ["Телефон клиента", "Client's phone"], value: v.clientPhone, errors })}
        ${field({ name: "ownerName", label: ["Владелец лицензии", "License owner"], value: v.ownerName, errors, required: true })}
        ${field({ name: "ownerInn", label: ["ИНН владельца", "Owner's INN"], value: v.ownerInn, errors })}
        ${checkbox({ name: "publishOnSite", label: ["Клиент согласен на публикацию", "The client agrees to publication"], checked: form ? v.publishOnSite === "on" : true, errors })}
        ${field({ name: "coDeveloperPartnerId", label: ["Партнёр-соразработчик (ID)", "Co-developer partner (ID)"], value: v.coDeveloperPartnerId, errors, hint: ["Баллы делятся, если оба партнёра указали друг друга", "Points are split when both partners name each other"] })}
        <div><button type="submit">${bi("Добавить проект", "Add the project")}</button></div>
      </form>
    </section>`;
  return cabinetPage(c, partner, "projects", ["Проекты", "Projects"], body, "", status);
}

export async function addProjectForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  const parsed = ProjectForm.safeParse(values);
  if (!parsed.success) return projectsPage(c, deps, { values, errors: fieldErrors(parsed.error) }, 422);
  const f = parsed.data;
  try {
    const added = await addProject(deps, partnerId, c.get("principal")!.userId, {
      url: f.url,
      title: f.title,
      editionCode: f.editionCode,
      licenseKey: f.licenseKey,
      client: { name: f.clientName, email: f.clientEmail, phone: f.clientPhone },
      licenseOwner: { name: f.ownerName, inn: f.ownerInn },
      publishOnSite: f.publishOnSite,
      coDeveloperPartnerId: f.coDeveloperPartnerId,
    });
    return c.redirect(`/cabinet/${partnerId}/projects?added=${encodeURIComponent(added.host)}`, 303);
  } catch (err) {
    const { errors, status } = refusal(err);
    for (const [k, to] of Object.entries(formField)) {
      if (errors[k]) errors[to] = [...(errors[to] ?? []), ...errors[k]!];
    }
    const evidence = err instanceof AppError ? (err.extra?.evidence as Finding[] | undefined) : undefined;
    return projectsPage(c, deps, { values, errors, ...(evidence && { evidence }) }, status);
  }
}
