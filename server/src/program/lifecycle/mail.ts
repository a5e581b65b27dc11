// R1.2c, R1.5: the lifecycle e-mails — Russian first, then English.
import { type CivilDate, discountPercent, statusNfrKeys } from "@partner-trust/rules";
import type { TerminationInitiator } from "../../db/schema/index.ts";
import type { MailText } from "../../mail/partner.ts";

export type LifecycleMail = MailText;

/** R1.2c: the application was approved; the partner is Business under an electronic contract. */
export function approvalMail(
  companyName: string,
  contract: { number: string; date: CivilDate },
): LifecycleMail {
  const discount = discountPercent("business");
  const keys = statusNfrKeys("business");
  return {
    subject: `Заявка одобрена / Application approved: ${companyName}`,
    text:
      `Здравствуйте!\nЗаявка «${companyName}» на участие в партнёрской программе 1С-Битрикс одобрена. ` +
      `Текущий статус — «Бизнес-партнёр». Заключён электронный договор о сотрудничестве № ${contract.number} от ${contract.date}. ` +
      `Скидка на продукты (кроме Битрикс24): ${discount}%. NFR-ключей по статусу: ${keys}. ` +
      `Ваша учётная запись — главный пользователь карточки партнёра. Заполните карточку в кабинете, чтобы попасть в каталог партнёров.\n\n` +
      `Hello!\nThe application of "${companyName}" to the 1C-Bitrix partner program was approved. ` +
      `The current status is Business partner. Electronic cooperation contract No. ${contract.number} dated ${contract.date} is concluded. ` +
      `Discount on products (except Bitrix24): ${discount}%. Status NFR keys: ${keys}. ` +
      `Your account is the main user of the partner card. Complete the card in your cabinet to appear in the partner directory.\n`,
  };
}

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

/** R1.5a–c: a termination was scheduled (or, dated today, took effect). */
export function terminationMail(
  partnerName: string,
  t: { by: TerminationInitiator; on: CivilDate; reason: string | null },
): LifecycleMail {
  const reasonRu = t.reason ? ` Причина: ${t.reason}` : "";
  const reasonEn = t.reason ? ` Reason: ${t.reason}` : "";
  return {
    subject: `Прекращение партнёрства / Partnership termination: ${partnerName}`,
    text:
      `Здравствуйте!\nПартнёрство «${partnerName}» прекращается ${initiatorRu[t.by]} с ${t.on}.${reasonRu} ` +
      `С этой даты скидка и все NFR-лицензии аннулируются, а виджеты и каталог показывают, что компания не является партнёром.\n\n` +
      `Hello!\nThe partnership of "${partnerName}" ends ${initiatorEn[t.by]} on ${t.on}.${reasonEn} ` +
      `From that day the discount and all NFR licenses are revoked, and the widgets and the directory show the company is not a partner.\n`,
  };
}

/** R1.5: a scheduled termination was cancelled before its date. */
export function cancellationMail(partnerName: string, on: CivilDate, reason: string): LifecycleMail {
  return {
    subject: `Прекращение партнёрства отменено / Termination cancelled: ${partnerName}`,
    text:
      `Здравствуйте!\nПрекращение партнёрства «${partnerName}», назначенное на ${on}, отменено. Причина: ${reason}\n\n` +
      `Hello!\nThe termination of the partnership of "${partnerName}" scheduled for ${on} is cancelled. Reason: ${reason}\n`,
  };
}
