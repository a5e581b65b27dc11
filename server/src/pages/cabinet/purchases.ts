// R5.2: the partner's purchases — what was bought, at which discount (R2.4), and the points each credited.
import { desc, eq } from "drizzle-orm";
import type { Context } from "hono";
import { html } from "hono/html";
import type { Db } from "../../db/client.ts";
import { editions, purchases } from "../../db/schema/index.ts";
import type { AppEnv } from "../../types.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

const kindWords: Record<string, [string, string]> = {
  renewal: ["продление", "renewal"],
  upgrade: ["переход на старшую редакцию", "upgrade"],
  extra_sites: ["дополнительные сайты", "extra sites"],
  extra_users: ["дополнительные пользователи", "extra users"],
  license: ["лицензия", "license"],
};
const rub = (n: number) => `${n.toLocaleString("ru-RU")} ₽`;

export async function purchasesPage(c: Context<AppEnv>, { db }: { db: Db }) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, rows, titles] = await Promise.all([
    loadPartner(db, partnerId),
    db
      .select()
      .from(purchases)
      .where(eq(purchases.partnerId, partnerId))
      .orderBy(desc(purchases.purchasedAt)),
    db.select({ id: editions.id, title: editions.title }).from(editions),
  ]);
  const title = (id: string | null) => titles.find((t) => t.id === id)?.title ?? "—";
  const body = rows.length
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
  return cabinetPage(c, partner, "purchases", ["Покупки", "Purchases"], body);
}
