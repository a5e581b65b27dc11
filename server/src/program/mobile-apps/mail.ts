// R5.2: the partner is told of the moderator's decision on a published mobile app — Russian first, then English.
// The wording is the default of templates admins may edit (program/mail-templates).
import type { MailText } from "../../mail/partner.ts";
import { defineMail, partnerVar as partner } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";

const vars = {
  partner,
  title: { about: ["Название приложения", "App title"], example: "Чайная лавка" },
  storeUrl: {
    about: ["Страница приложения в магазине", "The app's store page"],
    example: "https://apps.apple.com/app/id123456789",
  },
} as const;

export const mobileAppMails = {
  credited: defineMail({
    key: "mobile-app.credited",
    title: ["Мобильное приложение засчитано", "Mobile app credited"],
    rule: "R5.2",
    vars: { ...vars, points: { about: ["Начислено баллов", "Points credited"], example: 73 } },
    subject: "Мобильное приложение засчитано / Mobile app credited: {{title}}",
    text:
      "{{partner}}: публикация приложения «{{title}}» ({{storeUrl}}) подтверждена, начислено баллов: {{points}}. Баллы активны один год.\n\n" +
      '{{partner}}: the publication of the app "{{title}}" ({{storeUrl}}) is confirmed: {{points}} points, active for one year.\n',
  }),
  rejected: defineMail({
    key: "mobile-app.rejected",
    title: ["Мобильное приложение не засчитано", "Mobile app rejected"],
    rule: "R5.2",
    vars: {
      ...vars,
      note: {
        about: ["Причина отказа", "The reason for the refusal"],
        example: "Приложение не найдено в магазине",
      },
    },
    subject: "Мобильное приложение не засчитано / Mobile app rejected: {{title}}",
    text:
      "{{partner}}: публикация приложения «{{title}}» ({{storeUrl}}) не засчитана.\nПричина: {{note}}\n\n" +
      '{{partner}}: the publication of the app "{{title}}" ({{storeUrl}}) is not credited.\nReason: {{note}}\n',
  }),
};

export function decisionMail(
  mails: Mails,
  app: { partnerName: string; title: string; storeUrl: string },
  d: { credit: boolean; points: number; note: string | undefined },
): MailText {
  const view = { partner: app.partnerName, title: app.title, storeUrl: app.storeUrl };
  return d.credit
    ? mails.render(mobileAppMails.credited, { ...view, points: d.points })
    : mails.render(mobileAppMails.rejected, { ...view, note: d.note ?? "" });
}
