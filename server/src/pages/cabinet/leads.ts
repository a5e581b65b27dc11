// R7.1: the leads the partner may see (R7.1b) and its proposals — the client's contacts once it has proposed
// (R7.1c); a full lead (the client's cap, R7.1d) takes no more.
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { leadPartner } from "../../program/leads/partners.ts";
import { sendProposal } from "../../program/leads/proposals.ts";
import { leadsVisibleTo } from "../../program/leads/visibility.ts";
import type { AppEnv } from "../../types.ts";
import { type FieldErrors, field, fieldErrors, formAlert, readForm, refusal } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

type Deps = { db: Db; clock: Clock; publicUrl: string };

const Proposal = z.object({
  text: z.string().trim().min(10, "Не короче 10 символов / At least 10 characters").max(5000),
});

export async function leadsPage(
  c: Context<AppEnv>,
  deps: Deps,
  failed?: { leadId: string; text: string; errors: FieldErrors },
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, lp] = await Promise.all([loadPartner(deps.db, partnerId), leadPartner(deps.db, partnerId)]);
  const rows = lp ? await leadsVisibleTo(deps.db, lp) : [];
  const body = html`
    ${c.req.query("sent") ? html`<p class="ok" role="status">${bi("Предложение отправлено клиенту.", "The proposal was sent to the client.")}</p>` : ""}
    <p class="muted">${bi(
      "Золотые партнёры получают все заявки, сертифицированные — заявки своего города; бизнес-партнёры видят заявки своего города.",
      "Gold partners get every lead, Certified ones their city's; Business partners see their city's leads.",
    )}</p>
    ${
      rows.length
        ? rows.map(({ lead, proposal }) => {
            const full = lead.proposalCount >= lead.maxProposals;
            const errs = failed?.leadId === lead.id ? failed.errors : undefined;
            return html`<section aria-label="${lead.city}"><h2>${lead.city}${lead.budgetRub ? html` · ${lead.budgetRub.toLocaleString("ru-RU")} ₽` : ""}</h2>
              <p>${lead.description}</p>
              <p class="muted">${bi(`Опубликована ${ruDate(lead.publishedAt)}; предложений ${lead.proposalCount} из ${lead.maxProposals}`, `Published ${ruDate(lead.publishedAt)}; ${lead.proposalCount} of ${lead.maxProposals} proposals`)}</p>
              ${
                proposal
                  ? html`<div class="ok"><p><strong>${bi("Ваше предложение", "Your proposal")}</strong> (${ruDate(proposal.sentAt)}): ${proposal.text}</p>
                      <p>${bi("Контакты клиента", "The client's contacts")}: ${lead.contactName}, <a href="mailto:${lead.contactEmail}">${lead.contactEmail}</a>${lead.contactPhone ? `, ${lead.contactPhone}` : ""}${lead.extraContacts ? html`<br>${lead.extraContacts}` : ""}</p></div>`
                  : full
                    ? html`<p class="warn">${bi("Клиент получил столько предложений, сколько просил.", "The client has as many proposals as they asked for.")}</p>`
                    : html`<form class="stack" method="post" action="/cabinet/${partnerId}/leads/${lead.id}/proposals" novalidate>
                        ${formAlert(errs)}
                        ${field({
                          name: "text",
                          label: ["Ваше предложение", "Your proposal"],
                          value: failed?.leadId === lead.id ? failed.text : "",
                          errors: errs,
                          form: lead.id,
                          multiline: true,
                          required: true,
                        })}
                        <div><button type="submit">${bi("Отправить предложение", "Send the proposal")}</button></div></form>`
              }</section>`;
          })
        : html`<p>${bi("Доступных заявок нет.", "No leads for you now.")}</p>`
    }`;
  return cabinetPage(c, partner, "leads", ["Заявки клиентов", "Client leads"], body, "", status);
}

export async function proposalForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const leadId = c.req.param("leadId")!;
  const values = await readForm(c, [deps.publicUrl]);
  const parsed = Proposal.safeParse(values);
  if (!parsed.success)
    return leadsPage(c, deps, { leadId, text: values.text ?? "", errors: fieldErrors(parsed.error) }, 422);
  try {
    await sendProposal(
      deps.db,
      { leadId, partnerId, senderUserId: c.get("principal")!.userId, text: parsed.data.text },
      { clock: deps.clock },
    );
    return c.redirect(`/cabinet/${partnerId}/leads?sent=1`, 303);
  } catch (err) {
    const { errors, status } = refusal(err);
    return leadsPage(c, deps, { leadId, text: parsed.data.text, errors }, status);
  }
}
