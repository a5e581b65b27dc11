// R4E: the partner's employees and invitations — invite a signed-up user with a level and flags (the levels
// offered are the ones this user may grant, mayGrant), detach; the invited user accepts on /cabinet.
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { mayGrant } from "../../auth/rights.ts";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { type EmployeeLevel, employeeLevels } from "../../db/schema/index.ts";
import { forbidden } from "../../errors/index.ts";
import {
  changeEmployee,
  detachEmployee,
  type Granter,
  inviteEmployee,
  listEmployees,
} from "../../program/employees/links.ts";
import { levelEn, levelRu } from "../../program/employees/mail.ts";
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
  submitForm,
} from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

type Deps = { db: Db; clock: Clock; publicUrl: string };

const invitationWords = {
  pending: ["ждёт ответа", "awaiting an answer"],
  accepted: ["принято", "accepted"],
  declined: ["отклонено", "declined"],
  detached: ["отвязан", "detached"],
} as const;

const Invite = z.object({
  email: z.email("Введите e-mail / Enter an e-mail address").max(200),
  level: z.enum(employeeLevels, "Выберите уровень прав / Choose the rights level"),
  marketplace: z.preprocess((v) => v === "on", z.boolean()),
  leads: z.preprocess((v) => v === "on", z.boolean()),
});

/** The caller's own level on this partner: what they may grant (staff look, they do not grant). */
function granter(c: Context<AppEnv>, partnerId: string, now: Date): Granter {
  const p = c.get("principal");
  const link = p?.partnerLinks.find((l) => l.partnerId === partnerId && l.invitation === "accepted");
  if (!p || !link)
    throw forbidden(
      "Только сотрудники партнёра управляют сотрудниками. / Only the partner's employees manage employees.",
    );
  return { userId: p.userId, name: p.name, level: link.level, now };
}

export async function employeesPage(
  c: Context<AppEnv>,
  deps: Deps,
  form?: { values: FormData; errors: FieldErrors },
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, employees] = await Promise.all([
    loadPartner(deps.db, partnerId),
    listEmployees(deps.db, partnerId),
  ]);
  const own = c
    .get("principal")
    ?.partnerLinks.find((l) => l.partnerId === partnerId && l.invitation === "accepted");
  const grantable = own ? employeeLevels.filter((l) => mayGrant(own.level, l)) : [];
  const v = form?.values ?? {};
  const errors = form?.errors;
  const flags = (e: { marketplace: boolean; leads: boolean }) =>
    [e.marketplace ? "Marketplace" : "", e.leads ? bi("Лиды", "Leads") : ""].filter(Boolean);
  const body = html`
    ${c.req.query("done") ? html`<p class="ok" role="status">${bi("Готово.", "Done.")}</p>` : ""}
    <div class="table-wrap"><table><thead><tr>
      <th scope="col">${bi("Сотрудник", "Employee")}</th><th scope="col">${bi("Права", "Rights")}</th>
      <th scope="col">${bi("Приглашение", "Invitation")}</th><th scope="col"><span class="muted">${bi("Действия", "Actions")}</span></th></tr></thead>
      <tbody>${employees.map((e) => {
        const state = invitationWords[e.invitation];
        const canDetach =
          own && mayGrant(own.level, e.level) && (e.invitation === "pending" || e.invitation === "accepted");
        return html`<tr><td>${e.name}<br><span class="muted">${e.email}</span></td>
          <td>${bi(levelRu[e.level], levelEn[e.level])}${flags(e).map((f) => html`<br><span class="badge">${f}</span>`)}</td>
          <td><span class="badge state-${e.invitation}">${bi(state[0], state[1])}</span><br><span class="muted">${ruDate(e.respondedAt ?? e.invitedAt)}</span></td>
          <td>${
            canDetach
              ? html`<details><summary>${bi("Изменить права", "Change rights")}</summary>
                  <form class="stack" method="post" action="/cabinet/${partnerId}/employees/${e.id}">
                    ${select({ name: "level", form: e.id, label: ["Права", "Rights"], value: e.level, options: grantable.map((l: EmployeeLevel) => [l, levelRu[l], levelEn[l]] as const) })}
                    ${checkbox({ name: "leads", form: e.id, label: ["Группа «Лиды»", "Leads group"], checked: e.leads })}
                    ${checkbox({ name: "marketplace", form: e.id, label: ["Группа Marketplace", "Marketplace group"], checked: e.marketplace })}
                    <div><button type="submit">${bi("Сохранить", "Save")}</button></div></form></details>
                <form method="post" action="/cabinet/${partnerId}/employees/${e.id}/detach">
                  <button class="secondary" type="submit" aria-label="${e.invitation === "pending" ? "Отозвать" : "Отвязать"} ${e.name} / ${e.invitation === "pending" ? "Withdraw" : "Detach"} ${e.name}">${bi(e.invitation === "pending" ? "Отозвать" : "Отвязать", e.invitation === "pending" ? "Withdraw" : "Detach")}</button></form>`
              : ""
          }</td></tr>`;
      })}</tbody></table></div>
    ${
      grantable.length
        ? html`<section aria-labelledby="invite-h"><h2 id="invite-h">${bi("Пригласить сотрудника", "Invite an employee")}</h2>
          <p class="muted">${bi("Пользователь должен быть зарегистрирован; доступ появится, когда он примет приглашение.", "The user must have signed up; access starts once they accept.")}</p>
          <form class="stack" method="post" action="/cabinet/${partnerId}/employees" novalidate>
            ${formAlert(errors)}
            ${field({ name: "email", type: "email", label: ["E-mail пользователя", "The user's e-mail"], value: v.email, errors, required: true })}
            ${select({ name: "level", label: ["Права", "Rights"], value: v.level, errors, options: grantable.map((l: EmployeeLevel) => [l, levelRu[l], levelEn[l]] as const) })}
            ${checkbox({ name: "leads", label: ["Группа «Лиды»", "Leads group"], checked: v.leads === "on", errors })}
            ${checkbox({ name: "marketplace", label: ["Группа Marketplace", "Marketplace group"], checked: v.marketplace === "on", errors })}
            <div><button type="submit">${bi("Пригласить", "Invite")}</button></div>
          </form></section>`
        : ""
    }`;
  return cabinetPage(c, partner, "employees", ["Сотрудники", "Employees"], body, "", status);
}

export async function inviteForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  return submitForm(
    c,
    values,
    Invite,
    async (data) => {
      await inviteEmployee(deps.db, partnerId, data, granter(c, partnerId, deps.clock.now()));
      return `/cabinet/${partnerId}/employees?done=1`;
    },
    (errors, status) => employeesPage(c, deps, { values, errors }, status),
  );
}

const Change = z.object({
  level: z.enum(employeeLevels, "Выберите уровень прав / Choose the rights level"),
  marketplace: z.preprocess((v) => v === "on", z.boolean()),
  leads: z.preprocess((v) => v === "on", z.boolean()),
});

/** R4E.2–3: a new level or flags (the program checks the caller may grant both the old and the new level). */
export async function changeForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  try {
    const patch = Change.parse(values);
    await changeEmployee(
      deps.db,
      partnerId,
      c.req.param("linkId")!,
      patch,
      granter(c, partnerId, deps.clock.now()),
    );
    return c.redirect(`/cabinet/${partnerId}/employees?done=1`, 303);
  } catch (err) {
    const failed =
      err instanceof z.ZodError ? { errors: fieldErrors(err), status: 422 as const } : refusal(err);
    return employeesPage(
      c,
      deps,
      { values: {}, errors: { _: Object.values(failed.errors).flat() } },
      failed.status,
    );
  }
}

export async function detachForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  await readForm(c, [deps.publicUrl]);
  try {
    await detachEmployee(
      deps.db,
      partnerId,
      c.req.param("linkId")!,
      granter(c, partnerId, deps.clock.now()),
      deps.clock,
    );
    return c.redirect(`/cabinet/${partnerId}/employees?done=1`, 303);
  } catch (err) {
    const { errors, status } = refusal(err);
    return employeesPage(c, deps, { values: {}, errors }, status);
  }
}
