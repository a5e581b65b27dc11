// R6: the partner's NFR licenses — status keys (R6.1), the key for its own site (R6.2) with the sales
// commitment, Bitrix24 (R6.3) — and its requests with the moderators' decisions. Keys: main and full users only.

import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { editions } from "../../db/schema/index.ts";
import { registerBitrix24Nfr } from "../../program/nfr/bitrix24.ts";
import { requestDowngrade } from "../../program/nfr/downgrade.ts";
import { partnerNfr } from "../../program/nfr/list.ts";
import { requestOwnSiteNfr } from "../../program/nfr/own-site.ts";
import type { AuditNetwork } from "../../program/reaudit/run.ts";
import type { AppEnv } from "../../types.ts";
import {
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

const kindWords: Record<string, [string, string]> = {
  status: ["по статусу", "status key"],
  request: ["для своего сайта", "own site"],
  bitrix24: ["Битрикс24", "Bitrix24"],
  downgrade: ["смена редакции ключа", "key edition change"],
  own_site: ["NFR для своего сайта", "NFR for the own site"],
};
const word = (k: string) => kindWords[k] ?? [k, k];

type Deps = { db: Db; clock: Clock; publicUrl: string; projectSiteNetwork?: AuditNetwork | undefined };
type Failed = { form: "downgrade" | "own-site" | "bitrix24"; values: FormData; errors: FieldErrors };

const Downgrade = z.object({
  licenseId: z.string().min(1).max(100),
  editionCode: z.string().min(1, "Выберите редакцию / Choose the edition").max(100),
});
const OwnSite = z.object({
  siteUrl: z
    .url({ protocol: /^https?$/, error: "Адрес сайта: https://… / The site's address: https://…" })
    .max(2000),
  editionCode: z.string().min(1, "Выберите редакцию / Choose the edition").max(100),
});
const Bitrix24 = z.object({
  portalDomain: z.string().trim().min(3, "Адрес портала / The portal's address").max(300),
});

export async function nfrPage(
  c: Context<AppEnv>,
  { db, clock }: Deps,
  failed?: Failed,
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, nfr, sm] = await Promise.all([
    loadPartner(db, partnerId),
    partnerNfr(db, partnerId, moscowDay(clock.now())),
    db
      .select({ code: editions.code, title: editions.title })
      .from(editions)
      .where(eq(editions.product, "site_management"))
      .orderBy(editions.rank),
  ]);
  const errs = (form: Failed["form"]) => (failed?.form === form ? failed.errors : undefined);
  const vals = (form: Failed["form"]): FormData => (failed?.form === form ? failed.values : {});
  const options = [["", "—", ""] as const, ...sm.map((e) => [e.code, e.title, ""] as const)];
  const statusKeys = nfr.licenses.filter((l) => l.kind === "status" && l.state === "active");
  const forms = html`<section aria-labelledby="ask-h"><h2 id="ask-h">${bi("Запросить", "Ask for")}</h2>
    ${c.req.query("sent") ? html`<p class="ok" role="status">${bi("Запрос отправлен.", "The request was sent.")}</p>` : ""}
    ${
      statusKeys.length
        ? html`<h3>${bi("Сменить редакцию ключа по статусу на младшую (R6.1b)", "A status key in a lower edition (R6.1b)")}</h3>
          <form class="stack" method="post" action="/cabinet/${partnerId}/nfr/downgrade" novalidate>
            ${formAlert(errs("downgrade"))}
            ${select({ name: "licenseId", label: ["Ключ", "Key"], value: vals("downgrade").licenseId, errors: errs("downgrade"), form: "downgrade", options: statusKeys.map((k) => [k.id, k.licenseKey, k.editionCode] as const) })}
            ${select({ name: "editionCode", label: ["Новая редакция", "New edition"], value: vals("downgrade").editionCode, errors: errs("downgrade"), form: "downgrade", options })}
            <div><button class="secondary" type="submit">${bi("Запросить смену", "Ask for the change")}</button></div></form>`
        : ""
    }
    <h3>${bi("NFR для своего сайта — один раз (R6.2)", "NFR for your own site — once (R6.2)")}</h3>
    <p class="muted">${bi("Сайт проверяется сразу: требования интеграции (R6.2c), оригинальный дизайн, «1С-Битрикс».", "The site is checked at once: the integration requirements (R6.2c), an original design, 1C-Bitrix.")}</p>
    <form class="stack" method="post" action="/cabinet/${partnerId}/nfr/own-site" novalidate>
      ${formAlert(errs("own-site"))}
      ${field({ name: "siteUrl", type: "url", label: ["Адрес сайта", "Site URL"], value: vals("own-site").siteUrl, errors: errs("own-site"), form: "own-site", required: true })}
      ${select({ name: "editionCode", label: ["Редакция ключа", "Key edition"], value: vals("own-site").editionCode, errors: errs("own-site"), form: "own-site", options })}
      <div><button class="secondary" type="submit">${bi("Запросить NFR", "Ask for the NFR key")}</button></div></form>
    <h3>${bi("Битрикс24 NFR (R6.3)", "Bitrix24 NFR (R6.3)")}</h3>
    <p class="muted">${bi(
      "Портал из карточки партнёра переводится на NFR сам, когда модератор одобряет карточку; здесь — подключить его сразу.",
      "The portal in the partner card is switched to NFR by itself once a moderator approves the card; here you may register it at once.",
    )}</p>
    <form class="stack" method="post" action="/cabinet/${partnerId}/nfr/bitrix24" novalidate>
      ${formAlert(errs("bitrix24"))}
      ${field({ name: "portalDomain", label: ["Адрес портала", "Portal address"], value: vals("bitrix24").portalDomain, errors: errs("bitrix24"), form: "bitrix24", required: true, hint: ["company.bitrix24.ru", "company.bitrix24.ru"] })}
      <div><button class="secondary" type="submit">${bi("Подключить", "Register")}</button></div></form>
  </section>`;
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
  return cabinetPage(
    c,
    partner,
    "nfr",
    ["NFR-лицензии", "NFR licenses"],
    html`${body}${partner.status === "none" ? "" : forms}`,
    "",
    status,
  );
}

/** Runs one of the NFR requests; a refusal comes back next to its form (the R6.2b conditions at its top). */
async function nfrRequest(
  c: Context<AppEnv>,
  deps: Deps,
  form: Failed["form"],
  run: (values: FormData, userId: string) => Promise<unknown>,
) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  try {
    await run(values, c.get("principal")!.userId);
    return c.redirect(`/cabinet/${partnerId}/nfr?sent=1`, 303);
  } catch (err) {
    const failed =
      err instanceof z.ZodError ? { errors: fieldErrors(err), status: 422 as const } : refusal(err);
    const { conditions, ...errors } = failed.errors;
    if (conditions) errors._ = [...(errors._ ?? []), ...conditions];
    return nfrPage(c, deps, { form, values, errors }, failed.status);
  }
}

export const downgradeForm = (c: Context<AppEnv>, deps: Deps) =>
  nfrRequest(c, deps, "downgrade", (values, userId) => {
    const f = Downgrade.parse(values);
    return requestDowngrade(
      deps.db,
      { partnerId: c.req.param("partnerId")!, ...f, userId },
      { clock: deps.clock },
    );
  });

export const ownSiteForm = (c: Context<AppEnv>, deps: Deps) =>
  nfrRequest(c, deps, "own-site", (values, userId) => {
    const f = OwnSite.parse(values);
    return requestOwnSiteNfr(
      deps.db,
      { partnerId: c.req.param("partnerId")!, ...f, userId },
      { clock: deps.clock, network: deps.projectSiteNetwork },
    );
  });

export const bitrix24Form = (c: Context<AppEnv>, deps: Deps) =>
  nfrRequest(c, deps, "bitrix24", (values, userId) => {
    const f = Bitrix24.parse(values);
    return registerBitrix24Nfr(
      deps.db,
      { partnerId: c.req.param("partnerId")!, ...f, userId },
      { clock: deps.clock },
    );
  });
