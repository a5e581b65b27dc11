// R5.5: the quality monitoring e-mails to the partner's main user — Russian first, then English. Their wording is
// the default of templates admins may edit (program/mail-templates).
import { defineMail, partnerVar } from "../../mail/template.ts";

const host = { about: ["Сайт проекта", "Project site"], example: "client-one.ru" } as const;

export const qualityMails = {
  completed: defineMail({
    key: "qm.completed",
    title: ["Контроль качества пройден", "Quality monitoring completed"],
    rule: "R5.5b",
    vars: {
      host,
      partner: partnerVar,
      points: { about: ["Начислено баллов", "Points credited"], example: 12 },
    },
    subject: "Контроль качества пройден: {{host}} / Quality monitoring completed: {{host}}",
    text:
      "Здравствуйте! Контроль качества проекта {{host}} («{{partner}}») завершён: звонок клиенту проведён.\n" +
      "Начислено баллов: {{points}}. Вы участник программы качества 1С-Битрикс на 12 месяцев. Оценки клиента — в разделе «Контроль качества».\n\n" +
      "Hello! Quality monitoring of {{host}} ({{partner}}) is complete: the client was called.\n" +
      'Points credited: {{points}}. You are a 1C-Bitrix quality program participant for 12 months. The client\'s ratings are under "Quality monitoring".',
  }),
  declined: defineMail({
    key: "qm.declined",
    title: ["Контроль качества отклонён", "Quality monitoring declined"],
    rule: "R5.5a",
    vars: {
      host,
      reason: { about: ["Причина, от модератора", "The moderator's reason"], example: "Клиент не отвечает." },
    },
    subject: "Контроль качества отклонён: {{host}} / Quality monitoring declined: {{host}}",
    text:
      "Заявка на контроль качества проекта {{host}} отклонена модератором. Причина: {{reason}}\n" +
      "Вы можете подать её снова.\n\n" +
      "The quality monitoring submission for {{host}} was declined by a moderator. Reason: {{reason}}\n" +
      "You may submit it again.",
  }),
};
