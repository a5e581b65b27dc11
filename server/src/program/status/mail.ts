// R2.5: the status e-mails to the partner's main user — Russian first, then English. Their wording is the
// default of templates admins may edit (program/mail-templates).
import {
  type CivilDate,
  discountPercent,
  type Status,
  type StatusChange,
  type StatusState,
  statusNfrKeys,
} from "@partner-trust/rules";
import type { MailText } from "../../mail/partner.ts";
import { defineMail, partnerVar } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";

const ru: Record<Status, string> = {
  business: "Бизнес-партнёр",
  certified: "Сертифицированный партнёр",
  gold: "Золотой сертифицированный партнёр",
  none: "не является партнёром",
};
const en: Record<Status, string> = {
  business: "Business partner",
  certified: "Certified partner",
  gold: "Gold certified partner",
  none: "no longer a partner",
};

const vars = {
  partner: partnerVar,
  on: { about: ["Дата изменения", "Date of the change"], example: "2026-11-24" },
  until: {
    about: ["Статус действует до (может отсутствовать)", "Status valid until (may be absent)"],
    example: "2027-11-24",
  },
  statusRu: { about: ["Новый статус по-русски", "New status in Russian"], example: ru.certified },
  statusEn: { about: ["Новый статус по-английски", "New status in English"], example: en.certified },
  fromRu: { about: ["Прежний статус по-русски", "Former status in Russian"], example: ru.gold },
  fromEn: { about: ["Прежний статус по-английски", "Former status in English"], example: en.gold },
  discount: { about: ["Скидка, %", "Discount, %"], example: 30 },
  nfrKeys: { about: ["NFR-ключей по статусу", "Status NFR keys"], example: 2 },
} as const;

const subject = "Статус партнёра: {{statusRu}} / Partner status: {{statusEn}}";
const benefitsRu =
  "Скидка на продукты (кроме Битрикс24): {{discount}}%. NFR-ключей «Управление сайтом — Бизнес»: {{nfrKeys}}.";
const benefitsEn =
  'Discount on products (except Bitrix24): {{discount}}%. "Site Management — Business" NFR keys: {{nfrKeys}}.';

export const statusMails = {
  upgrade: defineMail({
    key: "status.upgrade",
    title: ["Статус повышен", "Status raised"],
    rule: "R2.5",
    vars,
    subject,
    text:
      `Здравствуйте!\nПоздравляем! «{{partner}}» получает статус «{{statusRu}}» с {{on}}, срок — до {{until}}. ${benefitsRu} Новый сертификат партнёра можно скачать в кабинете.\n\n` +
      `Hello!\nCongratulations! "{{partner}}" is now a {{statusEn}} from {{on}} until {{until}}. ${benefitsEn} The new partner certificate is in your cabinet.\n`,
  }),
  renewed: defineMail({
    key: "status.renewed",
    title: ["Статус подтверждён", "Status renewed"],
    rule: "R2.5",
    vars,
    subject,
    text:
      "Здравствуйте!\nСтатус «{{statusRu}}» партнёра «{{partner}}» подтверждён {{on}} и продлён до {{until}}.\n\n" +
      'Hello!\nThe {{statusEn}} status of "{{partner}}" was confirmed on {{on}} and renewed until {{until}}.\n',
  }),
  dropped: defineMail({
    key: "status.dropped",
    title: ["Статус понижен", "Status lowered"],
    rule: "R2.5",
    vars,
    subject,
    text:
      `Здравствуйте!\n{{on}} условия статуса «{{fromRu}}» не подтверждены. Новый статус «{{partner}}» — «{{statusRu}}»{{#until}} до {{until}}{{/until}}. ${benefitsRu}\n\n` +
      `Hello!\nOn {{on}} the conditions of the {{fromEn}} status were not confirmed. The new status of "{{partner}}" is {{statusEn}}{{#until}} until {{until}}{{/until}}. ${benefitsEn}\n`,
  }),
  terminated: defineMail({
    key: "status.terminated",
    title: ["Партнёрство прекращено", "Partnership ended"],
    rule: "R2.5, R1.5",
    vars,
    subject,
    text:
      "Здравствуйте!\nПартнёрство «{{partner}}» прекращено с {{on}}. Скидка и все NFR-лицензии аннулированы.\n\n" +
      'Hello!\nThe partnership of "{{partner}}" ended on {{on}}. The discount and all NFR licenses are revoked.\n',
  }),
} satisfies Record<StatusChange["reason"], unknown>;

/** The mail for one status change of `partnerName` on `on`. */
export function statusMail(
  mails: Mails,
  partnerName: string,
  change: StatusChange,
  state: StatusState,
  on: CivilDate,
): MailText {
  return mails.render(statusMails[change.reason], {
    partner: partnerName,
    on,
    until: state.until ?? null,
    statusRu: ru[state.status],
    statusEn: en[state.status],
    fromRu: ru[change.from],
    fromEn: en[change.from],
    discount: discountPercent(state.status),
    nfrKeys: statusNfrKeys(state.status),
  });
}
