// R6: the NFR e-mails to the partner — Russian first, then English. Never a license key in them: no template
// has a placeholder for one. Their wording is the default of templates admins may edit (program/mail-templates).
import type { MailText } from "../../mail/partner.ts";
import { defineMail } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";

const kindRu = { own_site: "NFR-лицензию для своего сайта", downgrade: "смену редакции NFR-ключа" } as const;
const kindEn = {
  own_site: "an NFR license for your own site",
  downgrade: "an NFR key edition change",
} as const;

const requestVars = {
  kindRu: { about: ["Что просили, по-русски", "What was asked, in Russian"], example: kindRu.own_site },
  kindEn: { about: ["Что просили, по-английски", "What was asked, in English"], example: kindEn.own_site },
  what: { about: ["Сайт и редакция", "Site and edition"], example: "веб-студия.рф, business" },
  reason: { about: ["Комментарий модератора", "The moderator's note"], example: "Условия R6.2b выполнены." },
} as const;

const outcomeRu = {
  renewed: "продлена на 12 месяцев",
  lapsed: "не продлена и прекращена",
  "project-plan": "не продлена: портал переведён на бесплатный тариф «Проект»",
  lost: "прекращена",
} as const;
const outcomeEn = {
  renewed: "renewed for 12 months",
  lapsed: "not renewed and has lapsed",
  "project-plan": 'not renewed: the portal moves to the free "Project" plan',
  lost: "ended",
} as const;

/** The renewal mails' placeholders, with `outcome`'s phrases as the examples. */
const renewalVars = (outcome: keyof typeof outcomeRu, sales: number) =>
  ({
    what: {
      about: ["Лицензия: сайт и редакция или портал", "License: site and edition, or portal"],
      example: "Битрикс24 studio.bitrix24.ru",
    },
    outcomeRu: { about: ["Итог по-русски", "Outcome in Russian"], example: outcomeRu[outcome] },
    outcomeEn: { about: ["Итог по-английски", "Outcome in English"], example: outcomeEn[outcome] },
    sales: { about: ["Продажи за год, ₽", "Sales in the year, RUB"], example: sales },
    threshold: { about: ["Требуемые продажи, ₽", "Required sales, RUB"], example: 25000 },
  }) as const;

const renewalText =
  "NFR-лицензия ({{what}}) {{outcomeRu}}. Продажи за год: {{sales}} ₽, требуется: {{threshold}} ₽.\n\n" +
  "The NFR license ({{what}}) is {{outcomeEn}}. Sales in the year: {{sales}} RUB, required: {{threshold}} RUB.";

export const nfrMails = {
  approved: defineMail({
    key: "nfr.request-approved",
    title: ["Заявка NFR одобрена", "NFR request approved"],
    rule: "R6.1b, R6.2",
    vars: requestVars,
    subject: "NFR: заявка одобрена / NFR: request approved",
    text:
      "Ваша заявка на {{kindRu}} ({{what}}) одобрена. {{reason}}\nКлюч — в кабинете партнёра, раздел NFR.\n\n" +
      "Your request for {{kindEn}} ({{what}}) was approved. {{reason}}\nThe key is in the partner cabinet, NFR section.",
  }),
  declined: defineMail({
    key: "nfr.request-declined",
    title: ["Заявка NFR отклонена", "NFR request declined"],
    rule: "R6.1b, R6.2",
    vars: requestVars,
    subject: "NFR: заявка отклонена / NFR: request declined",
    text:
      "Ваша заявка на {{kindRu}} ({{what}}) отклонена. {{reason}}\n\n\n" +
      "Your request for {{kindEn}} ({{what}}) was declined. {{reason}}\n",
  }),
  bitrix24: defineMail({
    key: "nfr.bitrix24-registered",
    title: ["Портал Битрикс24 переведён на NFR", "Bitrix24 portal switched to NFR"],
    rule: "R6.3a",
    vars: { portal: { about: ["Адрес портала", "Portal address"], example: "studio.bitrix24.ru" } },
    subject: "Битрикс24: портал {{portal}} переведён на NFR / Bitrix24: portal {{portal}} switched to NFR",
    text:
      "Портал {{portal}} переведён на NFR-лицензию (функции тарифа «Компания») на 12 месяцев (R6.3a).\n" +
      "Ограничения: без своего домена, 24 ГБ на диске, 12 распознаваний визиток. Для своего проекта или демонстраций клиентам.\n" +
      "Продление: продажи лицензий 1С-Битрикс от 25 000 ₽ за год; иначе портал переходит на бесплатный тариф «Проект».\n\n" +
      'Portal {{portal}} is switched to an NFR license ("Company" plan functions) for 12 months (R6.3a).\n' +
      "Limits: no custom domain, 24 GB of disk, 12 business-card recognitions. For your own project or client demos.\n" +
      'Renewal: at least 25,000 RUB of 1C-Bitrix license sales within the year; otherwise the free "Project" plan.',
  }),
  renewed: defineMail({
    key: "nfr.renewed",
    title: ["NFR-лицензия продлена", "NFR license renewed"],
    rule: "R6.2d, R6.3c",
    vars: renewalVars("renewed", 31000),
    subject: "NFR: {{what}} — продлена / renewed",
    text: renewalText,
  }),
  notRenewed: defineMail({
    key: "nfr.not-renewed",
    title: ["NFR-лицензия не продлена", "NFR license not renewed"],
    rule: "R6.2d, R6.3c",
    vars: renewalVars("project-plan", 18000),
    subject: "NFR: {{what}} — не продлена / not renewed",
    text: renewalText,
  }),
};

/** R6.1b, R6.2: the moderator's decision on a request for `what` (site and edition, or edition change). */
export const requestDecidedMail = (
  mails: Mails,
  kind: keyof typeof kindRu,
  approved: boolean,
  reason: string,
  what: string,
): MailText =>
  mails.render(approved ? nfrMails.approved : nfrMails.declined, {
    kindRu: kindRu[kind],
    kindEn: kindEn[kind],
    what,
    reason,
  });

/** R6.3a: the portal is on NFR. */
export const bitrix24Mail = (mails: Mails, portal: string): MailText =>
  mails.render(nfrMails.bitrix24, { portal });

/** R6.2d, R6.3c: the year's renewal decision. */
export const renewalMail = (
  mails: Mails,
  what: string,
  outcome: keyof typeof outcomeRu,
  sales: number,
  threshold: number,
): MailText =>
  mails.render(outcome === "renewed" ? nfrMails.renewed : nfrMails.notRenewed, {
    what,
    outcomeRu: outcomeRu[outcome],
    outcomeEn: outcomeEn[outcome],
    sales,
    threshold,
  });
