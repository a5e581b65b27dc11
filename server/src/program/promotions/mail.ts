// R7.2: the submitter is told of the moderator's decision on a promotion — Russian first, then English. The
// wording is the default of templates admins may edit (program/mail-templates).
import type { MailText } from "../../mail/partner.ts";
import { defineMail } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";

const vars = {
  title: { about: ["Название акции", "Promotion title"], example: "Скидка 20% на интернет-магазин" },
  reason: {
    about: ["Комментарий модератора (может отсутствовать)", "Moderator's comment (may be absent)"],
    example: "условия акции не указаны",
  },
} as const;

// The moderator's comment when there is one, else a full stop.
const why = "{{#reason}}: {{reason}}{{/reason}}{{^reason}}.{{/reason}}";

export const promotionMails = {
  approved: defineMail({
    key: "promotion.approved",
    title: ["Акция одобрена", "Promotion approved"],
    rule: "R7.2",
    vars,
    subject: "Акция одобрена / Promotion approved: {{title}}",
    text: `Акция одобрена${why}\n\nPromotion approved${why}`,
  }),
  rejected: defineMail({
    key: "promotion.rejected",
    title: ["Акция отклонена", "Promotion rejected"],
    rule: "R7.2",
    vars,
    subject: "Акция отклонена / Promotion rejected: {{title}}",
    text: `Акция отклонена${why}\n\nPromotion rejected${why}`,
  }),
};

/** The mail on the decision on the promotion `title`. */
export const promotionDecisionMail = (
  mails: Mails,
  title: string,
  approve: boolean,
  reason: string | null,
): MailText => mails.render(approve ? promotionMails.approved : promotionMails.rejected, { title, reason });
