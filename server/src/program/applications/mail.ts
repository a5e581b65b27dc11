// R1.2b: the moderator's decision mailed to the applicant — Russian first, then English. Its wording is the
// default of templates admins may edit (program/mail-templates).
import type { MailText } from "../../mail/partner.ts";
import { defineMail } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";

const vars = {
  company: {
    about: ["Название компании из заявки", "Company name in the application"],
    example: "ООО «Веб-Студия»",
  },
  reason: {
    about: ["Пояснение модератора", "The moderator's explanation"],
    example: "укажите сайт компании",
  },
} as const;

export const applicationMails = {
  rejected: defineMail({
    key: "application.rejected",
    title: ["Заявка отклонена", "Application rejected"],
    rule: "R1.2b",
    vars,
    subject: "Заявка отклонена / Application rejected: {{company}}",
    text: "Заявка отклонена: {{reason}}\n\nApplication rejected: {{reason}}",
  }),
  needs_info: defineMail({
    key: "application.needs-info",
    title: ["Требуется дополнительная информация", "More information needed"],
    rule: "R1.2b",
    vars,
    subject: "Требуется дополнительная информация / More information needed: {{company}}",
    text: "Требуется дополнительная информация: {{reason}}\n\nMore information needed: {{reason}}",
  }),
};

/** R1.2b: the applicant learns the decision `to` and the moderator's reason. */
export function decisionMail(
  mails: Mails,
  to: keyof typeof applicationMails,
  companyName: string,
  reason: string,
): MailText {
  return mails.render(applicationMails[to], { company: companyName, reason });
}
