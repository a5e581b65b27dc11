// R7.1: the leads' e-mails as outbox rows (written in the caller's batch), Russian first, then English. Their
// wording is the default of templates admins may edit (program/mail-templates).
import type { emailOutbox } from "../../db/schema/index.ts";
import { outboxRow } from "../../mail/partner.ts";
import { defineMail, partnerVar } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";

export type OutboxRow = typeof emailOutbox.$inferInsert;

type LeadSummary = {
  id: string;
  description: string;
  budgetRub: number | null;
  city: string;
  maxProposals: number;
};

const budget = (rub: number | null, lang: "ru" | "en") =>
  rub === null ? (lang === "ru" ? "не указан" : "not given") : `${rub.toLocaleString("ru-RU")} ₽`;

// A rejection's reason when the moderator gave one, else a full stop.
const why = "{{#reason}}: {{reason}}{{/reason}}{{^reason}}.{{/reason}}";

const confirmationVars = {
  link: {
    about: ["Ссылка подтверждения", "Confirmation link"],
    example: "https://partners.example/leads/confirm?token=abc",
  },
  site: { about: ["Адрес сайта", "Site address"], example: "https://partners.example" },
  token: { about: ["Код подтверждения", "Confirmation token"], example: "abc" },
} as const;

const proposalVars = {
  partner: partnerVar,
  proposal: { about: ["Текст предложения", "The proposal's text"], example: "Сделаем за два месяца." },
  contacts: {
    about: ["Контакты партнёра", "Partner contacts"],
    example: "leads@web-studio.example, +7 495 000-00-00",
  },
} as const;

export const leadMails = {
  confirmation: defineMail({
    key: "lead.confirmation",
    title: ["Подтверждение заявки клиента", "Client request confirmation"],
    rule: "R7.1a",
    vars: confirmationVars,
    // R7.1a: an anonymous lead reaches moderation only through this link.
    required: ["link"],
    subject: "Подтвердите заявку / Confirm your request",
    text: [
      "Вы оставили заявку на разработку сайта. Чтобы отправить её на модерацию, подтвердите адрес по ссылке:",
      "{{link}}",
      "Ссылка действует 48 часов и только один раз. Если заявку оставляли не вы, ничего не делайте.",
      "",
      "You posted a request for a website. To send it to moderation, confirm your address with the link above.",
      "It is valid for 48 hours, once. If it was not you, do nothing.",
      "",
      'API: POST {{site}}/api/v1/leads/confirm {"token": "{{token}}"}',
    ].join("\n"),
  }),
  push: defineMail({
    key: "lead.push",
    title: ["Новая заявка клиента — партнёру", "A new client request, to a partner"],
    rule: "R7.1b",
    vars: {
      city: { about: ["Город заявки", "The request's city"], example: "Москва" },
      budgetRu: { about: ["Бюджет по-русски", "Budget in Russian"], example: "300 000 ₽" },
      budgetEn: { about: ["Бюджет по-английски", "Budget in English"], example: "300 000 ₽" },
      maxProposals: { about: ["Предложений не более", "At most this many proposals"], example: 3 },
      description: {
        about: ["Описание заявки", "The request's description"],
        example: "Интернет-магазин на «1С-Битрикс: Управление сайтом»",
      },
      answerApi: {
        about: ["Адрес API для ответа", "API address to answer"],
        example: "https://partners.example/api/v1/partners/p1/leads/l1/proposals",
      },
    },
    subject: "Новая заявка клиента: {{city}} / A new client request",
    text: [
      "Город: {{city}}. Бюджет: {{budgetRu}}. Предложений не более: {{maxProposals}}.",
      "{{description}}",
      "Ответить: POST {{answerApi}}",
      "",
      "City: {{city}}. Budget: {{budgetEn}}. At most {{maxProposals}} proposals.",
      "Answer through the partner cabinet (employees with the leads right).",
    ].join("\n"),
  }),
  published: defineMail({
    key: "lead.published",
    title: ["Заявка клиента опубликована", "Client request published"],
    rule: "R7.1a",
    vars: {},
    subject: "Ваша заявка опубликована / Your request is published",
    text: "Ваша заявка опубликована: партнёры пришлют предложения сюда и в личный кабинет.\n\nYour request is published: partners' proposals will come here and to your account.",
  }),
  rejected: defineMail({
    key: "lead.rejected",
    title: ["Заявка клиента отклонена", "Client request rejected"],
    rule: "R7.1a",
    vars: {
      reason: {
        about: ["Причина (может отсутствовать)", "Reason (may be absent)"],
        example: "нет контактов для связи",
      },
    },
    subject: "Ваша заявка отклонена / Your request was rejected",
    text: `Ваша заявка отклонена${why}\n\nYour request was rejected${why}`,
  }),
  proposal: defineMail({
    key: "lead.proposal",
    title: ["Предложение партнёра клиенту", "A partner's proposal, to the client"],
    rule: "R7.1c",
    vars: proposalVars,
    // R7.1c: an anonymous client learns of the proposal and how to reach the partner only by this mail.
    required: ["proposal", "contacts"],
    subject: "Предложение от партнёра «{{partner}}» / A proposal from {{partner}}",
    text: [
      "Партнёр «{{partner}}» ответил на вашу заявку:",
      "{{proposal}}",
      "Контакты партнёра: {{contacts}}",
      "",
      "The partner {{partner}} answered your request (text above). Partner contacts: {{contacts}}",
    ].join("\n"),
  }),
};

export function confirmationMail(
  mails: Mails,
  to: string,
  token: string,
  publicUrl: string,
  now: Date,
): OutboxRow {
  const link = `${publicUrl}/leads/confirm?token=${encodeURIComponent(token)}`;
  return outboxRow(to, mails.render(leadMails.confirmation, { link, site: publicUrl, token }), now);
}

export function leadPushMail(
  mails: Mails,
  to: string,
  partnerId: string,
  lead: LeadSummary,
  publicUrl: string,
  now: Date,
): OutboxRow {
  const mail = mails.render(leadMails.push, {
    city: lead.city,
    budgetRu: budget(lead.budgetRub, "ru"),
    budgetEn: budget(lead.budgetRub, "en"),
    maxProposals: lead.maxProposals,
    description: lead.description,
    answerApi: `${publicUrl}/api/v1/partners/${partnerId}/leads/${lead.id}/proposals`,
  });
  return outboxRow(to, mail, now);
}

export function leadDecisionMail(
  mails: Mails,
  to: string,
  published: boolean,
  reason: string | null,
  now: Date,
): OutboxRow {
  const mail = published
    ? mails.render(leadMails.published, {})
    : mails.render(leadMails.rejected, { reason });
  return outboxRow(to, mail, now);
}

export function proposalMail(
  mails: Mails,
  to: string,
  p: { partnerName: string; text: string; partnerEmail: string | null; partnerPhone: string | null },
  now: Date,
): OutboxRow {
  const contacts = [p.partnerEmail, p.partnerPhone].filter(Boolean).join(", ") || "—";
  const mail = mails.render(leadMails.proposal, { partner: p.partnerName, proposal: p.text, contacts });
  return outboxRow(to, mail, now);
}
