// R5.2: the e-mail to the partner's main user(s) about a module's publication claim, Russian first, then English.
// The wording is the default of templates admins may edit (program/mail-templates).
import type { MailText } from "../../mail/partner.ts";
import { defineMail, partnerVar as partner } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";

const vars = {
  partner,
  code: { about: ["Код модуля", "Module code"], example: "alfa.delivery" },
  title: { about: ["Название модуля", "Module title"], example: "Калькулятор доставки" },
  url: {
    about: ["Страница модуля в Marketplace", "The module's Marketplace page"],
    example: "https://marketplace.1c-bitrix.ru/solutions/alfa.delivery/",
  },
} as const;

export const marketplaceMails = {
  credited: defineMail({
    key: "marketplace.publication-credited",
    title: ["Публикация модуля засчитана", "Module publication credited"],
    rule: "R5.2",
    vars: { ...vars, points: { about: ["Начислено баллов", "Points credited"], example: 12 } },
    subject: "Публикация модуля засчитана / Module publication credited: {{code}}",
    text:
      "{{partner}}: публикация модуля «{{title}}» ({{code}}) в Marketplace засчитана, начислено баллов: {{points}}. Баллы активны один год.\n{{url}}\n\n" +
      '{{partner}}: the publication of the module "{{title}}" ({{code}}) in Marketplace is credited with {{points}} points, active for one year.\n{{url}}\n',
  }),
  rejected: defineMail({
    key: "marketplace.publication-rejected",
    title: ["Публикация модуля не засчитана", "Module publication not credited"],
    rule: "R5.2",
    vars: {
      ...vars,
      note: { about: ["Причина отказа", "The reason for refusal"], example: "Модуль не найден по ссылке" },
    },
    subject: "Публикация модуля не засчитана / Module publication not credited: {{code}}",
    text:
      "{{partner}}: публикация модуля «{{title}}» ({{code}}) в Marketplace не засчитана.\nПричина: {{note}}\nИсправьте и подайте заявку снова в разделе Marketplace.\n\n" +
      '{{partner}}: the publication of the module "{{title}}" ({{code}}) in Marketplace is not credited.\nReason: {{note}}\nFix it and claim again in the Marketplace section.\n',
  }),
};

export function publicationMail(
  mails: Mails,
  partnerName: string,
  m: { code: string; title: string; marketplaceUrl: string | null },
  d: { credit: boolean; points: number; note: string | undefined },
): MailText {
  const view = { partner: partnerName, code: m.code, title: m.title, url: m.marketplaceUrl ?? "" };
  return d.credit
    ? mails.render(marketplaceMails.credited, { ...view, points: d.points })
    : mails.render(marketplaceMails.rejected, { ...view, note: d.note ?? "" });
}
