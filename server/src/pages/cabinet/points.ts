// R5.3: additional points by request — marketing activity, client reviews, support, complex projects; a
// moderator decides within 10 working days and sets the amount. The partner's requests and the form.
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { additionalPointsKinds } from "../../db/schema/index.ts";
import { partnerRequests, submitRequest } from "../../program/additional-points/requests.ts";
import type { AppEnv } from "../../types.ts";
import { type FieldErrors, type FormData, field, formAlert, readForm, select, submitForm } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

type Deps = { db: Db; clock: Clock; publicUrl: string };

const kindWords: Record<(typeof additionalPointsKinds)[number], readonly [string, string]> = {
  marketing: ["маркетинговая активность (выставка, семинар…)", "marketing activity (exhibition, seminar…)"],
  review: ["отзыв клиента", "client review"],
  support: ["поддержка клиентов", "client support"],
  complex_project: ["сложный проект", "complex project"],
};
const stateWords: Record<string, readonly [string, string]> = {
  pending: ["на рассмотрении", "under review"],
  approved: ["начислено", "credited"],
  rejected: ["отклонено", "rejected"],
};

const RequestForm = z.object({
  kind: z.enum(additionalPointsKinds, "Выберите вид / Choose the kind"),
  description: z
    .string()
    .trim()
    .min(10, "Опишите подробнее (от 10 символов) / Describe it (10 characters or more)")
    .max(5000),
  evidenceUrl: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.url("Ссылка: https://… / A link: https://…").max(2000).optional(),
  ),
});

export async function pointsPage(
  c: Context<AppEnv>,
  deps: Deps,
  form?: { values: FormData; errors: FieldErrors },
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, rows] = await Promise.all([
    loadPartner(deps.db, partnerId),
    partnerRequests(deps.db, partnerId),
  ]);
  const v = form?.values ?? {};
  const errors = form?.errors;
  const body = html`
    ${c.req.query("sent") ? html`<p class="ok" role="status">${bi("Запрос отправлен модератору.", "The request went to a moderator.")}</p>` : ""}
    <p class="muted">${bi("Модератор решает в течение 10 рабочих дней и назначает количество баллов (R5.3).", "A moderator decides within 10 working days and sets the points (R5.3).")}</p>
    ${
      rows.length
        ? html`<ul>${rows.map((r) => {
            const state = stateWords[r.state] ?? [r.state, r.state];
            return html`<li>${ruDate(r.submittedAt)}: ${bi(...kindWords[r.reason])} — <span class="badge state-${r.state}">${bi(...state)}</span>
              ${r.points ? html` <strong>+${r.points}</strong>` : ""}<br><span class="muted">${r.description}</span>
              ${r.moderatorReason ? html`<br>${bi("Модератор", "Moderator")}: ${r.moderatorReason}` : ""}</li>`;
          })}</ul>`
        : html`<p>${bi("Запросов пока нет.", "No requests yet.")}</p>`
    }
    ${
      partner.status === "none"
        ? ""
        : html`<section aria-labelledby="ask-h"><h2 id="ask-h">${bi("Запросить дополнительные баллы", "Ask for additional points")}</h2>
      <form class="stack" method="post" action="/cabinet/${partnerId}/points" novalidate>
        ${formAlert(errors)}
        ${select({ name: "kind", label: ["За что", "What for"], value: v.kind, errors, options: [["", "—", ""], ...additionalPointsKinds.map((k) => [k, ...kindWords[k]] as const)] })}
        ${field({ name: "description", label: ["Описание", "Description"], value: v.description, errors, required: true, multiline: true })}
        ${field({ name: "evidenceUrl", type: "url", label: ["Ссылка на подтверждение", "Link to the evidence"], value: v.evidenceUrl, errors })}
        <div><button type="submit">${bi("Отправить", "Send")}</button></div>
      </form></section>`
    }`;
  return cabinetPage(c, partner, "points", ["Дополнительные баллы", "Additional points"], body, "", status);
}

export async function pointsForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  return submitForm(
    c,
    values,
    RequestForm,
    async (data) => {
      await submitRequest(
        deps.db,
        { partnerId, userId: c.get("principal")!.userId, ...data },
        { clock: deps.clock },
      );
      return `/cabinet/${partnerId}/points?sent=1`;
    },
    (errors, status) => pointsPage(c, deps, { values, errors }, status),
  );
}
