// R5.3: the e-mail to the partner about its additional-points request, Russian first, then English. The wording
// is the default of templates admins may edit (program/mail-templates).
import type { MailText } from "../../mail/partner.ts";
import { defineMail, partnerVar as partner } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";

const description = {
  about: ["Описание запроса", "The request's description"],
  example: "Вебинар для клиентов о переходе на «1С-Битрикс»",
} as const;
const reason = {
  about: ["Комментарий модератора", "Moderator's comment"],
  example: "Вебинар проведён, запись опубликована",
} as const;
const comment = "\nКомментарий модератора: {{reason}}\n\n";

export const additionalPointsMails = {
  approved: defineMail({
    key: "additional-points.approved",
    title: ["Дополнительные баллы начислены", "Additional points credited"],
    rule: "R5.3",
    vars: {
      partner,
      description,
      reason,
      points: { about: ["Начислено баллов", "Points credited"], example: 20 },
    },
    subject: "Начислены дополнительные баллы: {{points}} / Additional points credited: {{points}}",
    text:
      `{{partner}}: по вашему запросу «{{description}}» начислено дополнительных баллов: {{points}}. Баллы активны один год.${comment}` +
      `{{partner}}: your request "{{description}}" was credited with {{points}} additional points, active for one year.\nModerator's note: {{reason}}`,
  }),
  declined: defineMail({
    key: "additional-points.declined",
    title: ["Запрос дополнительных баллов отклонён", "Additional points request declined"],
    rule: "R5.3",
    vars: { partner, description, reason },
    subject: "Запрос дополнительных баллов отклонён / Additional points request declined",
    text:
      `{{partner}}: ваш запрос дополнительных баллов «{{description}}» отклонён.${comment}` +
      `{{partner}}: your additional points request "{{description}}" was declined.\nModerator's note: {{reason}}`,
  }),
};

export function decisionMail(
  mails: Mails,
  partnerName: string,
  d: { approve: boolean; points: number; reason: string; description: string },
): MailText {
  const view = { partner: partnerName, description: d.description, reason: d.reason };
  return d.approve
    ? mails.render(additionalPointsMails.approved, { ...view, points: d.points })
    : mails.render(additionalPointsMails.declined, view);
}
