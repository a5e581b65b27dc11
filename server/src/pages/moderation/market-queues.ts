// Queues of the marketing benefits: leads (R7.1a–b), promotions (R7.2) and phone-day reports (R7.3, overdue after
// 5 working days by the program's own rule). Decisions through the leads and promotions modules.
import { html } from "hono/html";
import { z } from "zod";
import { decideLead, pendingLeads } from "../../program/leads/leads.ts";
import { allBookings } from "../../program/phone-days/bookings.ts";
import { decidePromotion, pendingPromotions } from "../../program/promotions/promotions.ts";
import { type FieldErrors, type FormData, field, select } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { queue } from "./types.ts";

const optionalReason = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().trim().max(2000).optional(),
);
const needsReason = { path: ["reason"], message: "Укажите причину отказа / A rejection needs a reason" };

const decisionFields = (values: FormData, errors: FieldErrors | undefined, yes: [string, string]) =>
  html`${select({
    name: "approve",
    label: ["Решение", "Decision"],
    value: values.approve ?? "",
    errors,
    options: [
      ["", "—", ""],
      ["yes", yes[0], yes[1]],
      ["no", "Отклонить", "Reject"],
    ],
  })}${field({
    name: "reason",
    label: ["Причина (обязательна при отказе)", "Reason (required to reject)"],
    value: values.reason,
    errors,
    multiline: true,
  })}`;
const decisionSchema = z
  .object({
    approve: z.enum(["yes", "no"], { error: "Выберите решение / Choose a decision" }),
    reason: optionalReason,
  })
  .refine((d) => d.approve === "yes" || d.reason, needsReason);

type Lead = Awaited<ReturnType<typeof pendingLeads>>[number];
export const leads = queue<Lead>({
  slug: "leads",
  ru: "Заявки клиентов",
  en: "Client leads",
  about: ["R7.1a–b: публикация и рассылка партнёрам", "R7.1a–b: publication and the push to partners"],
  load: ({ db }) => pendingLeads(db),
  id: (l) => l.id,
  due: false,
  overdue: () => false,
  head: [
    ["Город", "City"],
    ["Бюджет, ₽", "Budget, RUB"],
    ["Контакт", "Contact"],
    ["Создана", "Created"],
  ],
  row: (l) => [
    html`${l.city}`,
    html`${l.budgetRub?.toLocaleString("ru-RU") ?? "—"}`,
    html`${l.contactName}`,
    html`${ruDate(l.createdAt)}`,
  ],
  details: (l) =>
    html`<p>${l.description}</p><p class="muted">${l.city} · ${l.contactName}, ${l.contactEmail}</p>`,
  decisions: [
    {
      action: "decide",
      label: ["Решение", "Decide"],
      schema: decisionSchema,
      fields: (_l, v, e) => decisionFields(v, e, ["Опубликовать", "Publish"]),
      run: async ({ db, clock, publicUrl, auth }, p, l, d) =>
        decideLead(
          db,
          l.id,
          {
            publish: d.approve === "yes",
            reason: (d.reason as string | undefined) ?? null,
            actorUserId: p.userId,
          },
          { clock, publicUrl, secret: (await auth.$context).secret },
        ),
    },
  ],
});

type Promotion = Awaited<ReturnType<typeof pendingPromotions>>[number];
export const promotions = queue<Promotion>({
  slug: "promotions",
  ru: "Акции партнёров",
  en: "Partner promotions",
  about: [
    "R7.2: акции Certified и Gold, до шести месяцев",
    "R7.2: Certified and Gold promotions, up to six months",
  ],
  load: ({ db }) => pendingPromotions(db),
  id: (p) => p.id,
  due: false,
  overdue: () => false,
  head: [
    ["Акция", "Promotion"],
    ["Партнёр", "Partner"],
    ["Период", "Period"],
  ],
  row: (p) => [
    html`${p.title}`,
    html`${p.partnerName}`,
    html`${ruDate(p.startsOn)} — ${ruDate(p.shownUntil)}`,
  ],
  details: (p) => html`<p><strong>${p.title}</strong> · ${p.partnerName}</p><p>${p.body}</p>
    <p class="muted">${ruDate(p.startsOn)} — ${ruDate(p.endsOn)}; ${bi("показ до", "shown until")} ${ruDate(p.shownUntil)}</p>`,
  decisions: [
    {
      action: "decide",
      label: ["Решение", "Decide"],
      schema: decisionSchema,
      fields: (_p, v, e) => decisionFields(v, e, ["Одобрить", "Approve"]),
      run: ({ db, clock }, pr, p, d) =>
        decidePromotion(
          db,
          p.id,
          {
            approve: d.approve === "yes",
            reason: (d.reason as string | undefined) ?? null,
            actorUserId: pr.userId,
          },
          { clock },
        ),
    },
  ],
});

// R7.3: bookings whose day is over and whose report has not come (overdue after the 5th working day).
type Booking = Awaited<ReturnType<typeof allBookings>>[number];
export const phoneDays = queue<Booking>({
  slug: "phone-days",
  ru: "Отчёты о днях на телефоне",
  en: "Phone-day reports",
  about: ["R7.3: отчёт за 5 рабочих дней после дня", "R7.3: the report within 5 working days of the day"],
  async load({ db, clock }) {
    const rows = await allBookings(db, { clock, overdueOnly: false });
    return rows.filter((b) => b.state === "confirmed" && b.reportDueOn);
  },
  id: (b) => b.id,
  due: true,
  overdue: (b) => b.overdue,
  head: [
    ["Партнёр", "Partner"],
    ["День", "Day"],
    ["Заявок принято", "Leads taken"],
    ["Отчёт до", "Report due"],
  ],
  row: (b) => [
    html`${b.partnerName}`,
    html`${ruDate(b.day)}`,
    html`${b.leads}`,
    html`${ruDate(b.reportDueOn)}`,
  ],
});
