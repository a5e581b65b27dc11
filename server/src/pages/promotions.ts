// R7.2: the public promotions — approved offers of Certified and Gold partners, in their period (≤ six months),
// newest added first (program/promotions: the same list as GET /api/v1/public/promotions).
import { html } from "hono/html";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { publicPromotions } from "../program/promotions/promotions.ts";
import { createRouter } from "../routes/router.ts";
import { bi, page, ruDate } from "./layout.ts";
import { statusBadge } from "./partner-list.ts";

export function promotionPageRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter().get("/promotions", async (c) => {
    const list = await publicPromotions(db, { clock });
    const body = html`<h1>${bi("Акции партнёров", "Partner promotions")}</h1>
      <p class="muted">${bi(
        "Предложения сертифицированных и золотых партнёров о внедрении продуктов 1С-Битрикс.",
        "Offers of Certified and Gold partners about implementing 1C-Bitrix products.",
      )}</p>
      ${
        list.length
          ? html`<ul class="cards">${list.map(
              (p) => html`<li><h2>${p.title}</h2>
                <div><a href="/partners/${p.partnerId}">${p.partnerName}</a> ${statusBadge(p.partnerStatus)}</div>
                <p>${p.body}</p>
                <p class="muted">${bi(`до ${ruDate(p.shownUntil)}`, `until ${ruDate(p.shownUntil)}`)}</p></li>`,
            )}</ul>`
          : html`<p class="note">${bi("Сейчас акций нет.", "No promotions right now.")}</p>`
      }`;
    return c.html(
      page("Акции / Promotions", body, "", { principal: c.get("principal"), path: "/promotions" }),
    );
  });
}
