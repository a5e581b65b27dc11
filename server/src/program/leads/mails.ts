// R7.1: the leads' e-mails as outbox rows (written in the caller's batch), Russian first, then English.
import type { emailOutbox } from "../../db/schema/index.ts";
import { outboxRow as mailRow } from "../../mail/partner.ts";

export type OutboxRow = typeof emailOutbox.$inferInsert;

type LeadSummary = {
  id: string;
  description: string;
  budgetRub: number | null;
  city: string;
  maxProposals: number;
};

const outboxRow = (to: string, subject: string, text: string, now: Date): OutboxRow =>
  mailRow(to, { subject, text }, now);

const budget = (rub: number | null, lang: "ru" | "en") =>
  rub === null ? (lang === "ru" ? "не указан" : "not given") : `${rub.toLocaleString("ru-RU")} ₽`;

export function confirmationMail(to: string, token: string, publicUrl: string, now: Date): OutboxRow {
  return outboxRow(
    to,
    "Подтвердите заявку / Confirm your request",
    [
      "Вы оставили заявку на разработку сайта. Чтобы отправить её на модерацию, подтвердите адрес по ссылке:",
      `${publicUrl}/leads/confirm?token=${encodeURIComponent(token)}`,
      "Ссылка действует 48 часов и только один раз. Если заявку оставляли не вы, ничего не делайте.",
      "",
      "You posted a request for a website. To send it to moderation, confirm your address with the link above.",
      "It is valid for 48 hours, once. If it was not you, do nothing.",
      "",
      `API: POST ${publicUrl}/api/v1/leads/confirm {"token": "${token}"}`,
    ].join("\n"),
    now,
  );
}

export function leadPushMail(
  to: string,
  partnerId: string,
  lead: LeadSummary,
  publicUrl: string,
  now: Date,
): OutboxRow {
  return outboxRow(
    to,
    `Новая заявка клиента: ${lead.city} / A new client request`,
    [
      `Город: ${lead.city}. Бюджет: ${budget(lead.budgetRub, "ru")}. Предложений не более: ${lead.maxProposals}.`,
      lead.description,
      `Ответить: POST ${publicUrl}/api/v1/partners/${partnerId}/leads/${lead.id}/proposals`,
      "",
      `City: ${lead.city}. Budget: ${budget(lead.budgetRub, "en")}. At most ${lead.maxProposals} proposals.`,
      "Answer through the partner cabinet (employees with the leads right).",
    ].join("\n"),
    now,
  );
}

export function leadDecisionMail(
  to: string,
  published: boolean,
  reason: string | null,
  now: Date,
): OutboxRow {
  const ru = published ? "Ваша заявка опубликована" : "Ваша заявка отклонена";
  const en = published ? "Your request is published" : "Your request was rejected";
  const why = reason ? `: ${reason}` : ".";
  return outboxRow(
    to,
    `${ru} / ${en}`,
    published
      ? `${ru}: партнёры пришлют предложения сюда и в личный кабинет.\n\n${en}: partners' proposals will come here and to your account.`
      : `${ru}${why}\n\n${en}${why}`,
    now,
  );
}

export function proposalMail(
  to: string,
  p: { partnerName: string; text: string; partnerEmail: string | null; partnerPhone: string | null },
  now: Date,
): OutboxRow {
  const contacts = [p.partnerEmail, p.partnerPhone].filter(Boolean).join(", ") || "—";
  return outboxRow(
    to,
    `Предложение от партнёра «${p.partnerName}» / A proposal from ${p.partnerName}`,
    [
      `Партнёр «${p.partnerName}» ответил на вашу заявку:`,
      p.text,
      `Контакты партнёра: ${contacts}`,
      "",
      `The partner ${p.partnerName} answered your request (text above). Partner contacts: ${contacts}`,
    ].join("\n"),
    now,
  );
}
