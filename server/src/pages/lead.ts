// R7.1a: a client posts a lead — signed in, it goes to moderation; anonymous, it waits for the e-mailed
// confirmation (/leads/confirm). The same validation as POST /api/v1/leads (routes/leads/schemas.ts).
import type { Context } from "hono";
import { html } from "hono/html";
import type { Auth } from "../auth/auth.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { clientLeads } from "../program/leads/client.ts";
import { confirmLead, postLead } from "../program/leads/leads.ts";
import { LeadInputSchema } from "../routes/leads/schemas.ts";
import { createRouter } from "../routes/router.ts";
import type { AppEnv } from "../types.ts";
import { signInUrl } from "./errors.ts";
import { type FieldErrors, type FormData, field, fieldErrors, formAlert, readForm, refusal } from "./form.ts";
import { bi, page, ruDate } from "./layout.ts";

type Deps = { db: Db; clock: Clock; auth: Auth; publicUrl: string };

/** Form strings → the API's input (numbers, optional fields left out when blank). */
function inputOf(f: FormData) {
  const opt = (v: string | undefined) => (v?.trim() ? v : undefined);
  const num = (v: string | undefined) => (v?.trim() ? Number(v.replace(/\s/g, "")) : undefined);
  return {
    description: f.description ?? "",
    budgetRub: num(f.budgetRub),
    contactName: f.contactName ?? "",
    contactEmail: f.contactEmail ?? "",
    contactPhone: opt(f.contactPhone),
    extraContacts: opt(f.extraContacts),
    city: f.city ?? "",
    maxProposals: num(f.maxProposals) ?? Number.NaN,
  };
}

function leadForm(
  c: Context<AppEnv>,
  v: FormData,
  errors?: FieldErrors,
  status: 200 | 404 | 409 | 422 | 403 = 200,
) {
  const principal = c.get("principal");
  const body = html`<h1>${bi("Оставить заявку на сайт", "Request a website")}</h1>
    <p>${bi(
      "Опишите задачу — после проверки модератором заявку получат партнёры 1С-Битрикс, и вы получите их предложения.",
      "Describe the job: once a moderator has checked it, 1C-Bitrix partners get it and you get their proposals.",
    )}</p>
    ${principal ? "" : html`<p class="note">${bi("Без входа мы пришлём письмо для подтверждения заявки.", "Without signing in we e-mail you a link to confirm the request.")} <a href="/sign-in?next=/leads/new">${bi("Войти", "Sign in")}</a></p>`}
    <form class="stack" method="post" action="/leads/new" novalidate>
      ${formAlert(errors)}
      ${field({ name: "description", label: ["Задача", "The job"], value: v.description, errors, required: true, multiline: true })}
      ${field({ name: "budgetRub", type: "number", label: ["Бюджет, ₽ (примерно)", "Budget, RUB (approximately)"], value: v.budgetRub, errors })}
      ${field({ name: "city", label: ["Город", "City"], value: v.city, errors, required: true })}
      ${field({ name: "maxProposals", type: "number", label: ["Сколько предложений получить", "How many proposals you want"], value: v.maxProposals ?? "3", errors, required: true, hint: ["от 1 до 20", "1 to 20"] })}
      ${field({ name: "contactName", label: ["Ваше имя", "Your name"], value: v.contactName ?? principal?.name, errors, required: true, autocomplete: "name" })}
      ${field({ name: "contactEmail", type: "email", label: ["E-mail", "E-mail"], value: v.contactEmail ?? principal?.email, errors, required: true, autocomplete: "email" })}
      ${field({ name: "contactPhone", type: "tel", label: ["Телефон", "Phone"], value: v.contactPhone, errors, autocomplete: "tel" })}
      ${field({ name: "extraContacts", label: ["Другие контакты", "Other contacts"], value: v.extraContacts, errors, hint: ["партнёр увидит их после своего предложения", "a partner sees them after proposing"] })}
      <div><button type="submit">${bi("Отправить заявку", "Send the request")}</button></div>
    </form>`;
  return c.html(page("Заявка / Request", body, "", { principal, path: "/leads/new", narrow: true }), status);
}

const leadStates: Record<string, [string, string]> = {
  unconfirmed: ["ждёт подтверждения e-mail", "awaiting the e-mail confirmation"],
  pending: ["на модерации", "awaiting moderation"],
  published: ["опубликована", "published"],
  rejected: ["отклонена", "rejected"],
  closed: ["закрыта", "closed"],
};

export function leadPageRoutes({ db, clock, auth, publicUrl }: Deps) {
  const ctx = async () => ({ clock, publicUrl, secret: (await auth.$context).secret });
  const done = (c: Context<AppEnv>, ru: string, en: string) =>
    c.html(
      page(
        "Заявка / Request",
        html`<h1>${bi("Заявка", "Request")}</h1><p class="ok" role="status">${bi(ru, en)}</p>
      <p><a href="/">${bi("В каталог партнёров", "To the partner directory")}</a></p>`,
        "",
        { principal: c.get("principal"), narrow: true },
      ),
    );
  return createRouter()
    .get("/leads/mine", async (c) => {
      const principal = c.get("principal");
      if (!principal) return c.redirect(signInUrl("/leads/mine"), 303);
      const mine = await clientLeads(db, principal.userId);
      const body = html`<h1>${bi("Мои заявки", "My requests")}</h1>
        ${c.req.query("sent") ? html`<p class="ok" role="status">${bi("Заявка отправлена на модерацию.", "The request went to moderation.")}</p>` : ""}
        <p><a href="/leads/new">${bi("Оставить новую заявку", "Post a new request")}</a></p>
        ${
          mine.length
            ? mine.map((l) => {
                const [ru, en] = leadStates[l.state] ?? [l.state, l.state];
                return html`<section aria-label="${l.city}"><h2>${l.city} · ${ruDate(l.createdAt.slice(0, 10))}</h2>
                  <p>${l.description}</p>
                  <p><span class="badge state-${l.state}">${bi(ru, en)}</span> ${bi(`предложений ${l.proposalCount} из ${l.maxProposals}`, `${l.proposalCount} of ${l.maxProposals} proposals`)}</p>
                  ${l.moderatorNote ? html`<p class="bad">${l.moderatorNote}</p>` : ""}
                  ${l.proposals.map(
                    (
                      p,
                    ) => html`<div class="note"><p><strong><a href="/partners/${p.partnerId}">${p.partnerName}</a></strong> · ${ruDate(p.sentAt.slice(0, 10))}</p>
                      <p>${p.text}</p>
                      <p class="muted">${[p.partnerEmail, p.partnerPhone, p.partnerWebsite].filter(Boolean).join(" · ")}</p></div>`,
                  )}</section>`;
              })
            : html`<p>${bi("Заявок пока нет.", "No requests yet.")}</p>`
        }`;
      return c.html(
        page("Мои заявки / My requests", body, "", { principal, path: "/leads/mine", narrow: true }),
      );
    })
    .get("/leads/new", (c) => leadForm(c, {}))
    .post("/leads/new", async (c) => {
      const values = await readForm(c, [publicUrl]);
      const parsed = LeadInputSchema.safeParse(inputOf(values));
      if (!parsed.success) return leadForm(c, values, fieldErrors(parsed.error), 422);
      const posted = await postLead(db, parsed.data, c.get("principal")?.userId ?? null, await ctx());
      return c.redirect(
        posted.state === "pending" ? "/leads/mine?sent=1" : `/leads/sent?state=${posted.state}`,
        303,
      );
    })
    .get("/leads/sent", (c) =>
      c.req.query("state") === "unconfirmed"
        ? done(
            c,
            "Мы отправили письмо: подтвердите заявку по ссылке из него.",
            "We have e-mailed you: confirm the request with its link.",
          )
        : done(
            c,
            "Заявка отправлена на модерацию. Предложения партнёров придут на ваш e-mail.",
            "The request went to moderation. The partners' proposals will come to your e-mail.",
          ),
    )
    .get("/leads/confirm", (c) => {
      const token = c.req.query("token") ?? "";
      return c.html(
        page(
          "Подтверждение заявки / Confirm the request",
          html`<h1>${bi("Подтверждение заявки", "Confirm the request")}</h1>
          <form class="stack" method="post" action="/leads/confirm">
            ${field({ name: "token", label: ["Код из письма", "The code from the e-mail"], value: token, required: true })}
            <div><button type="submit">${bi("Подтвердить", "Confirm")}</button></div></form>`,
          "",
          { principal: c.get("principal"), narrow: true },
        ),
      );
    })
    .post("/leads/confirm", async (c) => {
      const values = await readForm(c, [publicUrl]);
      try {
        await confirmLead(db, values.token ?? "", await ctx());
        return done(
          c,
          "Заявка подтверждена и отправлена на модерацию.",
          "The request is confirmed and went to moderation.",
        );
      } catch (err) {
        const { errors, status } = refusal(err);
        return c.html(
          page(
            "Подтверждение заявки / Confirm the request",
            html`<h1>${bi("Подтверждение заявки", "Confirm the request")}</h1>
            <form class="stack" method="post" action="/leads/confirm">${formAlert(errors.token ? { _: errors.token } : errors)}
              ${field({ name: "token", label: ["Код из письма", "The code from the e-mail"], value: values.token, required: true })}
              <div><button type="submit">${bi("Подтвердить", "Confirm")}</button></div></form>`,
            "",
            { principal: c.get("principal"), narrow: true },
          ),
          status,
        );
      }
    });
}
