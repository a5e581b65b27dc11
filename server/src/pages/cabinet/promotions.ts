// R7.2: the partner's promotions — submitted for moderation (Certified and Gold only), shown publicly for their
// period but at most six months; the moderator's note on each.
import { promotionsAllowed } from "@partner-trust/rules";
import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { partnerPromotions, submitPromotion } from "../../program/promotions/promotions.ts";
import type { AppEnv } from "../../types.ts";
import { type FieldErrors, type FormData, field, formAlert, readForm, submitForm } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { cabinetPage, loadPartner } from "./frame.ts";

type Deps = { db: Db; clock: Clock; publicUrl: string };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Дата ГГГГ-ММ-ДД / A date YYYY-MM-DD");
const PromotionForm = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(5000),
  startsOn: day,
  endsOn: day,
});

const stateWords: Record<string, [string, string]> = {
  pending: ["на модерации", "awaiting moderation"],
  approved: ["одобрена", "approved"],
  rejected: ["отклонена", "rejected"],
};

export async function promotionsPage(
  c: Context<AppEnv>,
  deps: Deps,
  form?: { values: FormData; errors: FieldErrors },
  status: 200 | 403 | 404 | 409 | 422 = 200,
) {
  const partnerId = c.req.param("partnerId")!;
  const [partner, list] = await Promise.all([
    loadPartner(deps.db, partnerId),
    partnerPromotions(deps.db, partnerId),
  ]);
  const v = form?.values ?? {};
  const errors = form?.errors;
  const body = html`
    ${c.req.query("sent") ? html`<p class="ok" role="status">${bi("Акция отправлена на модерацию.", "The promotion was sent to moderation.")}</p>` : ""}
    ${
      list.length
        ? html`<ul>${list.map((p) => {
            const [ru, en] = stateWords[p.state] ?? [p.state, p.state];
            return html`<li><strong>${p.title}</strong> — <span class="badge state-${p.state}">${bi(ru, en)}</span>
              ${ruDate(p.startsOn)} — ${ruDate(p.endsOn)}${p.shownUntil < p.endsOn ? html` <span class="muted">(${bi(`показ до ${ruDate(p.shownUntil)}`, `shown until ${ruDate(p.shownUntil)}`)})</span>` : ""}
              ${p.moderatorNote ? html`<br><span class="muted">${p.moderatorNote}</span>` : ""}</li>`;
          })}</ul>`
        : html`<p>${bi("Акций пока нет.", "No promotions yet.")}</p>`
    }
    ${
      promotionsAllowed(partner.status)
        ? html`<section aria-labelledby="promo-h"><h2 id="promo-h">${bi("Новая акция", "New promotion")}</h2>
            <p class="muted">${bi("Только предложения о внедрении продуктов 1С-Битрикс; показ — не дольше шести месяцев.", "Only offers about implementing 1C-Bitrix products; shown for six months at most.")}</p>
            <form class="stack" method="post" action="/cabinet/${partnerId}/promotions" novalidate>
              ${formAlert(errors)}
              ${field({ name: "title", label: ["Заголовок", "Title"], value: v.title, errors, required: true })}
              ${field({ name: "body", label: ["Текст", "Text"], value: v.body, errors, required: true, multiline: true })}
              ${field({ name: "startsOn", type: "date", label: ["Начало", "Starts on"], value: v.startsOn, errors, required: true })}
              ${field({ name: "endsOn", type: "date", label: ["Окончание", "Ends on"], value: v.endsOn, errors, required: true })}
              <div><button type="submit">${bi("Отправить на модерацию", "Send to moderation")}</button></div>
            </form></section>`
        : html`<p class="note">${bi("Акции доступны сертифицированным и золотым партнёрам (R7.2).", "Promotions are for Certified and Gold partners (R7.2).")}</p>`
    }`;
  return cabinetPage(c, partner, "promotions", ["Акции", "Promotions"], body, "", status);
}

export async function promotionForm(c: Context<AppEnv>, deps: Deps) {
  const partnerId = c.req.param("partnerId")!;
  const values = await readForm(c, [deps.publicUrl]);
  return submitForm(
    c,
    values,
    PromotionForm,
    async (data) => {
      await submitPromotion(deps.db, partnerId, data, c.get("principal")!.userId, { clock: deps.clock });
      return `/cabinet/${partnerId}/promotions?sent=1`;
    },
    (errors, status) => promotionsPage(c, deps, { values, errors }, status),
  );
}
