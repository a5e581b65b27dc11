// R5.2: the editions' end-user prices (the points a license earns follow them) and the purchase price list
// (renewals, upgrades, extra sites and users).
import { asc } from "drizzle-orm";
import { html } from "hono/html";
import { z } from "zod";
import * as s from "../../db/schema/index.ts";
import { setEditionPrice } from "../../program/catalogue/edit.ts";
import { setPurchasePrice } from "../../program/purchases/price-edit.ts";
import { allPrices } from "../../program/purchases/prices.ts";
import { field, select } from "../form.ts";
import { bi } from "../layout.ts";
import { adminPage, by } from "./types.ts";

const rub = (n: number) => n.toLocaleString("ru-RU");
const price = z.coerce
  .number({ error: "Цена в рублях / A price in RUB" })
  .int("Целое число рублей / Whole roubles")
  .positive("Больше нуля / Above zero");

type Data = {
  editions: (typeof s.editions.$inferSelect)[];
  prices: (typeof s.purchasePrices.$inferSelect)[];
};
const kindWords: Record<string, [string, string]> = {
  renewal: ["продление", "renewal"],
  upgrade: ["переход", "upgrade"],
  extra_sites: ["доп. сайт", "extra site"],
  extra_users: ["доп. пользователь", "extra user"],
};
const priceLabel = (p: Data["prices"][number]) =>
  `${kindWords[p.kind]?.[0] ?? p.kind} ${p.editionCode}${p.targetEditionCode ? ` → ${p.targetEditionCode}` : ""}`;

export const prices = adminPage<Data>({
  slug: "prices",
  ru: "Цены",
  en: "Prices",
  about: ["R5.2: цены редакций и прайс-лист покупок", "R5.2: edition prices and the purchase price list"],
  async load({ db }) {
    const [editions, list] = await Promise.all([
      db.select().from(s.editions).orderBy(asc(s.editions.product), asc(s.editions.rank)),
      allPrices(db),
    ]);
    return { editions, prices: list };
  },
  view: (d) => html`<h2>${bi("Редакции", "Editions")}</h2><div class="table-wrap"><table><thead><tr>
      <th scope="col">${bi("Код", "Code")}</th><th scope="col">${bi("Редакция", "Edition")}</th>
      <th scope="col" class="num">${bi("Цена, ₽", "Price, RUB")}</th><th scope="col" class="num">${bi("Сайтов", "Sites")}</th></tr></thead>
    <tbody>${d.editions.map(
      (e) =>
        html`<tr><td>${e.code}</td><td>${e.title}</td><td class="num">${rub(e.priceRub)}</td><td class="num">${e.sites}</td></tr>`,
    )}</tbody></table></div>
    <h2>${bi("Прайс-лист покупок", "Purchase price list")}</h2><div class="table-wrap"><table><thead><tr>
      <th scope="col">${bi("Покупка", "Purchase")}</th><th scope="col" class="num">${bi("Цена, ₽", "Price, RUB")}</th></tr></thead>
    <tbody>${d.prices.map((p) => html`<tr><td>${priceLabel(p)}</td><td class="num">${rub(p.priceRub)}</td></tr>`)}</tbody></table></div>`,
  forms: [
    {
      name: "edition",
      label: ["Цена редакции", "Edition price"],
      schema: z.object({
        edition: z.string().min(1, "Выберите редакцию / Choose the edition"),
        priceRub: price,
      }),
      fields: (d, v, e) =>
        html`${select({
          name: "edition",
          label: ["Редакция", "Edition"],
          value: v.edition ?? "",
          errors: e,
          options: [["", "—", ""], ...d.editions.map((x) => [x.code, x.title, ""] as const)],
        })}${field({ name: "priceRub", label: ["Цена, ₽", "Price, RUB"], type: "number", value: v.priceRub, errors: e, required: true })}`,
      run: (deps, p, d) => setEditionPrice(deps.db, d.edition as string, d.priceRub as number, by(deps, p)),
    },
    {
      name: "purchase",
      label: ["Цена покупки", "Purchase price"],
      schema: z.object({ price: z.string().min(1, "Выберите строку / Choose the row"), amount: price }),
      fields: (d, v, e) =>
        html`${select({
          name: "price",
          label: ["Покупка", "Purchase"],
          value: v.price ?? "",
          errors: e,
          options: [["", "—", ""], ...d.prices.map((x) => [x.id, priceLabel(x), ""] as const)],
        })}${field({ name: "amount", label: ["Цена, ₽", "Price, RUB"], type: "number", value: v.amount, errors: e, required: true })}`,
      run: (deps, p, d) => setPurchasePrice(deps.db, d.price as string, d.amount as number, by(deps, p)),
    },
  ],
});
