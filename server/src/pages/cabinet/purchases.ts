// R5.2: the partner's purchases — what was bought, at which discount (R2.4), and the points each credited.

import { discountPercent } from "@partner-trust/rules";
import { desc, eq } from "drizzle-orm";
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { editions, purchaseKinds, purchases } from "../../db/schema/index.ts";
import { buy } from "../../program/purchases/buy.ts";
import type { AppEnv } from "../../types.ts";
import { type FieldErrors, type FormData, field, formAlert, readForm, select, submitForm } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

const kindWords: Record<string, readonly [string, string]> = {
  renewal: ["продление", "renewal"],
  upgrade: ["переход на старшую редакцию", "upgrade"],
  extra_sites: ["дополнительные сайты", "extra sites"],
  extra_users: ["дополнительные пользователи", "extra users"],
  license: ["лицензия", "license"],
};
const rub = (n: number) => `${n.toLocaleString("ru-RU")} ₽`;

type Deps = { db: Db; clock: Clock; publicUrl: string };

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const PurchaseForm = z.object({
  // R5.2: one key per rendered form — a resent form (double click, back + resend) finds the stored purchase.
  key: z.uuid(),
  kind: z.enum(purchaseKinds, "Выберите вид покупки / Choose what to buy"),
  editionCode: z.string().min(1, "Выберите редакцию / Choose the edition").max(100),
  targetEditionCode: z.preprocess(blank, z.string().max(100).optional()),
  quantity: z.preprocess(
    blank,
    z.coerce.number().int().min(1, "Не меньше 1 / At least 1").max(1000).default(1),
  ),
  licenseKey: z.preprocess(blank, z.string().trim().max(200).optional()),
});

export async function purchasesPage(
  c: Context<AppEnv>,
  { db }: Deps,
  form?: { values: FormData; errors: FieldErrors },
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, rows, titles] = await Promise.all([
    loadPartner(db, partnerId),
    db
      .select()
      .from(purchases)
      .where(eq(purchases.partnerId, partnerId))
      .orderBy(desc(purchases.purchasedAt)),
    db
      .select({ id: editions.id, code: editions.code, title: editions.title })
      .from(editions)
      .orderBy(editions.product, editions.rank),
  ]);
  const v = form?.values ?? {};
  const errors = form?.errors;
  const editionOptions = titles.map((t) => [t.code, t.title, ""] as const);
  const bought = c.req.query("bought");
  const buyForm = html`<section aria-labelledby="buy-h"><h2 id="buy-h">${bi("Купить", "Buy")}</h2>
    <p class="muted">${bi(
      `Со скидкой партнёра (${discountPercent(partner.status)}%); баллы начисляются сразу (R5.2).`,
      `At the partner discount (${discountPercent(partner.status)}%); points are credited at once (R5.2).`,
    )}</p>
    <form class="stack" method="post" action="/cabinet/${partnerId}/purchases" novalidate>
      ${formAlert(errors)}
      <input type="hidden" name="key" value="${v.key ?? crypto.randomUUID()}">
      ${select({ name: "kind", label: ["Что покупаете", "What you buy"], value: v.kind, errors, options: [["", "—", ""], ...purchaseKinds.map((k) => [k, ...(kindWords[k] ?? [k, k])] as const)] })}
      ${select({ name: "editionCode", label: ["Редакция", "Edition"], value: v.editionCode, errors, options: [["", "—", ""], ...editionOptions] })}
      ${select({ name: "targetEditionCode", label: ["Новая редакция (для перехода)", "New edition (for an upgrade)"], value: v.targetEditionCode, errors, options: [["", "—", ""], ...editionOptions] })}
      ${field({ name: "quantity", type: "number", label: ["Количество", "Quantity"], value: v.quantity ?? "1", errors })}
      ${field({ name: "licenseKey", label: ["Лицензионный ключ", "License key"], value: v.licenseKey, errors })}
      <div><button type="submit">${bi("Купить", "Buy")}</button></div>
    </form></section>`;
  const title = (id: string | null) => titles.find((t) => t.id === id)?.title ?? "—";
  const list = rows.length
    ? html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("Дата", "Date")}</th><th scope="col">${bi("Покупка", "Purchase")}</th>
        <th scope="col" class="num">${bi("Цена", "Price")}</th><th scope="col" class="num">${bi("Скидка", "Discount")}</th>
        <th scope="col" class="num">${bi("Оплачено", "Paid")}</th><th scope="col" class="num">${bi("Баллы", "Points")}</th></tr></thead>
        <tbody>${rows.map((p) => {
          const [ru, en] = kindWords[p.kind] ?? [p.kind, p.kind];
          return html`<tr><td>${ruDate(p.purchasedAt)}</td>
            <td>${bi(ru, en)}: ${title(p.editionId)}${p.targetEditionId ? html` → ${title(p.targetEditionId)}` : ""}${p.quantity > 1 ? ` × ${p.quantity}` : ""}
              ${p.issuedLicenseKey ? html`<br><span class="muted">${bi("новый ключ", "new key")}: <code>${p.issuedLicenseKey}</code></span>` : ""}</td>
            <td class="num">${rub(p.priceRub)}</td><td class="num">${p.discountPercent}%</td><td class="num">${rub(p.paidRub)}</td><td class="num">${p.points}</td></tr>`;
        })}</tbody></table></div>`
    : html`<p>${bi("Покупок пока нет.", "No purchases yet.")}</p>`;
  const body = html`${bought ? html`<p class="ok" role="status">${bi("Покупка оформлена, баллы начислены.", "Purchased; the points are credited.")}</p>` : ""}
    ${list}${partner.status === "none" ? "" : buyForm}`;
  return cabinetPage(c, partner, "purchases", ["Покупки", "Purchases"], body, "", status);
}

export async function purchaseForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  return submitForm(
    c,
    values,
    PurchaseForm,
    async ({ key, ...request }) => {
      const { purchase } = await buy(
        deps.db,
        { partnerId, buyerUserId: c.get("principal")!.userId, key, request },
        { clock: deps.clock },
      );
      return `/cabinet/${partnerId}/purchases?bought=${purchase.id}`;
    },
    (errors, status) => purchasesPage(c, deps, { values, errors }, status),
  );
}
