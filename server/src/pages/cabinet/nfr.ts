// R6: the partner's NFR licenses — status keys (R6.1), the key for its own site (R6.2) with the sales
// commitment, Bitrix24 (R6.3) — and its requests with the moderators' decisions. Keys: main and full users only.
import type { Context } from "hono";
import { html } from "hono/html";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { partnerNfr } from "../../program/nfr/list.ts";
import type { AppEnv } from "../../types.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

const kindWords: Record<string, [string, string]> = {
  status: ["по статусу", "status key"],
  request: ["для своего сайта", "own site"],
  bitrix24: ["Битрикс24", "Bitrix24"],
  downgrade: ["смена редакции ключа", "key edition change"],
  own_site: ["NFR для своего сайта", "NFR for the own site"],
};
const word = (k: string) => kindWords[k] ?? [k, k];

export async function nfrPage(c: Context<AppEnv>, { db, clock }: { db: Db; clock: Clock }) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, nfr] = await Promise.all([
    loadPartner(db, partnerId),
    partnerNfr(db, partnerId, moscowDay(clock.now())),
  ]);
  const body = html`
    <section aria-labelledby="keys-h"><h2 id="keys-h">${bi("Ключи", "Keys")}</h2>
    ${
      nfr.licenses.length
        ? html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("Ключ", "Key")}</th><th scope="col">${bi("Вид", "Kind")}</th>
            <th scope="col">${bi("Редакция", "Edition")}</th><th scope="col">${bi("Состояние", "State")}</th><th scope="col">${bi("Срок", "Term")}</th></tr></thead>
            <tbody>${nfr.licenses.map(
              (
                l,
              ) => html`<tr><td><code>${l.licenseKey}</code>${l.siteHost ? html`<br><span class="muted">${l.siteHost}</span>` : ""}${l.portalDomain ? html`<br><span class="muted">${l.portalDomain}</span>` : ""}</td>
                <td>${bi(...word(l.kind))}</td><td>${l.editionCode}</td>
                <td><span class="badge state-${l.state}">${l.state}</span>${l.revokeReason ? html`<br><span class="muted">${l.revokeReason}</span>` : ""}</td>
                <td>${ruDate(l.validFrom ?? l.issuedOn)} — ${ruDate(l.validUntil)}${
                  l.currentYear && l.salesCommitmentRub
                    ? html`<br><span class="muted">${bi(
                        `продажи за год: ${l.currentYear.salesRub.toLocaleString("ru-RU")} из ${l.salesCommitmentRub.toLocaleString("ru-RU")} ₽`,
                        `sales this year: ${l.currentYear.salesRub} of ${l.salesCommitmentRub} RUB`,
                      )}</span>`
                    : ""
                }</td></tr>`,
            )}</tbody></table></div>`
        : html`<p>${bi("Ключей нет.", "No keys.")}</p>`
    }</section>
    <section aria-labelledby="req-h"><h2 id="req-h">${bi("Запросы", "Requests")}</h2>
    ${
      nfr.requests.length
        ? html`<ul>${nfr.requests.map(
            (
              r,
            ) => html`<li>${ruDate(r.requestedAt)}: ${bi(...word(r.kind))} — <span class="badge state-${r.state}">${r.state}</span>
              ${r.editionCode ? html` ${r.fromEditionCode ? `${r.fromEditionCode} → ` : ""}${r.editionCode}` : ""}${r.siteHost ? html` · ${r.siteHost}` : ""}
              ${r.decisionNote ? html`<br><span class="muted">${r.decisionNote}</span>` : ""}</li>`,
          )}</ul>`
        : html`<p>${bi("Запросов нет.", "No requests.")}</p>`
    }</section>`;
  return cabinetPage(c, partner, "nfr", ["NFR-лицензии", "NFR licenses"], body);
}
