// R1.2c, R1.5: the lifecycle e-mails — Russian first, then English. Their wording is the default of templates
// admins may edit (program/mail-templates).
import { type CivilDate, discountPercent, statusNfrKeys } from "@partner-trust/rules";
import type { TerminationInitiator } from "../../db/schema/index.ts";
import type { MailText } from "../../mail/partner.ts";
import { defineMail, partnerVar as partner } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";

const initiatorRu: Record<TerminationInitiator, string> = {
  partner: "по инициативе партнёра",
  vendor: "по инициативе вендора",
  agreement: "по соглашению сторон",
};
const initiatorEn: Record<TerminationInitiator, string> = {
  partner: "on the partner's initiative",
  vendor: "on the vendor's initiative",
  agreement: "by agreement of the parties",
};

export const lifecycleMails = {
  approved: defineMail({
    key: "lifecycle.approved",
    title: ["Заявка одобрена", "Application approved"],
    rule: "R1.2c",
    vars: {
      partner,
      contractNumber: { about: ["Номер договора", "Contract number"], example: "PT-20261124-A1B2C3" },
      contractDate: { about: ["Дата договора", "Contract date"], example: "2026-11-24" },
      discount: { about: ["Скидка, %", "Discount, %"], example: discountPercent("business") },
      nfrKeys: { about: ["NFR-ключей по статусу", "Status NFR keys"], example: statusNfrKeys("business") },
    },
    subject: "Заявка одобрена / Application approved: {{partner}}",
    text:
      "Здравствуйте!\nЗаявка «{{partner}}» на участие в партнёрской программе 1С-Битрикс одобрена. " +
      "Текущий статус — «Бизнес-партнёр». Заключён электронный договор о сотрудничестве № {{contractNumber}} от {{contractDate}}. " +
      "Скидка на продукты (кроме Битрикс24): {{discount}}%. NFR-ключей по статусу: {{nfrKeys}}. " +
      "Ваша учётная запись — главный пользователь карточки партнёра. Заполните карточку в кабинете, чтобы попасть в каталог партнёров.\n\n" +
      'Hello!\nThe application of "{{partner}}" to the 1C-Bitrix partner program was approved. ' +
      "The current status is Business partner. Electronic cooperation contract No. {{contractNumber}} dated {{contractDate}} is concluded. " +
      "Discount on products (except Bitrix24): {{discount}}%. Status NFR keys: {{nfrKeys}}. " +
      "Your account is the main user of the partner card. Complete the card in your cabinet to appear in the partner directory.\n",
  }),
  termination: defineMail({
    key: "lifecycle.termination",
    title: ["Прекращение партнёрства назначено", "Partnership termination scheduled"],
    rule: "R1.5a–c",
    vars: {
      partner,
      on: { about: ["Дата прекращения", "Termination date"], example: "2026-12-31" },
      initiatorRu: {
        about: ["Чья инициатива, по-русски", "Whose initiative, in Russian"],
        example: initiatorRu.partner,
      },
      initiatorEn: {
        about: ["Чья инициатива, по-английски", "Whose initiative, in English"],
        example: initiatorEn.partner,
      },
      reason: {
        about: ["Причина (может отсутствовать)", "Reason (may be absent)"],
        example: "реорганизация",
      },
    },
    subject: "Прекращение партнёрства / Partnership termination: {{partner}}",
    text:
      "Здравствуйте!\nПартнёрство «{{partner}}» прекращается {{initiatorRu}} с {{on}}.{{#reason}} Причина: {{reason}}{{/reason}} " +
      "С этой даты скидка и все NFR-лицензии аннулируются, а виджеты и каталог показывают, что компания не является партнёром.\n\n" +
      'Hello!\nThe partnership of "{{partner}}" ends {{initiatorEn}} on {{on}}.{{#reason}} Reason: {{reason}}{{/reason}} ' +
      "From that day the discount and all NFR licenses are revoked, and the widgets and the directory show the company is not a partner.\n",
  }),
  cancellation: defineMail({
    key: "lifecycle.termination-cancelled",
    title: ["Прекращение партнёрства отменено", "Termination cancelled"],
    rule: "R1.5",
    vars: {
      partner,
      on: { about: ["Дата, на которую было назначено", "Date it was scheduled for"], example: "2026-12-31" },
      reason: { about: ["Причина отмены", "Why it was cancelled"], example: "партнёр передумал" },
    },
    subject: "Прекращение партнёрства отменено / Termination cancelled: {{partner}}",
    text:
      "Здравствуйте!\nПрекращение партнёрства «{{partner}}», назначенное на {{on}}, отменено. Причина: {{reason}}\n\n" +
      'Hello!\nThe termination of the partnership of "{{partner}}" scheduled for {{on}} is cancelled. Reason: {{reason}}\n',
  }),
};

/** R1.2c: the application was approved; the partner is Business under an electronic contract. */
export function approvalMail(
  mails: Mails,
  companyName: string,
  contract: { number: string; date: CivilDate },
): MailText {
  return mails.render(lifecycleMails.approved, {
    partner: companyName,
    contractNumber: contract.number,
    contractDate: contract.date,
    discount: discountPercent("business"),
    nfrKeys: statusNfrKeys("business"),
  });
}

/** R1.5a–c: a termination was scheduled (or, dated today, took effect). */
export function terminationMail(
  mails: Mails,
  partnerName: string,
  t: { by: TerminationInitiator; on: CivilDate; reason: string | null },
): MailText {
  return mails.render(lifecycleMails.termination, {
    partner: partnerName,
    on: t.on,
    initiatorRu: initiatorRu[t.by],
    initiatorEn: initiatorEn[t.by],
    reason: t.reason,
  });
}

/** R1.5: a scheduled termination was cancelled before its date. */
export function cancellationMail(mails: Mails, partnerName: string, on: CivilDate, reason: string): MailText {
  return mails.render(lifecycleMails.cancellation, { partner: partnerName, on, reason });
}
