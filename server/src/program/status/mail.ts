// R2.5: the status e-mail to the partner's main user — Russian first, then English.
import {
  type CivilDate,
  discountPercent,
  type Status,
  type StatusChange,
  type StatusState,
  statusNfrKeys,
} from "@partner-trust/rules";

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

export type StatusMail = { subject: string; text: string };

/** The mail for one status change of `partnerName` on `on`. */
export function statusMail(
  partnerName: string,
  change: StatusChange,
  state: StatusState,
  on: CivilDate,
): StatusMail {
  const until = state.until ?? "—";
  const benefits = {
    ru: `Скидка на продукты (кроме Битрикс24): ${discountPercent(state.status)}%. NFR-ключей «Управление сайтом — Бизнес»: ${statusNfrKeys(state.status)}.`,
    en: `Discount on products (except Bitrix24): ${discountPercent(state.status)}%. "Site Management — Business" NFR keys: ${statusNfrKeys(state.status)}.`,
  };
  const lines: Record<StatusChange["reason"], [string, string]> = {
    upgrade: [
      `Поздравляем! «${partnerName}» получает статус «${ru[state.status]}» с ${on}, срок — до ${until}. ${benefits.ru} Новый сертификат партнёра можно скачать в кабинете.`,
      `Congratulations! "${partnerName}" is now a ${en[state.status]} from ${on} until ${until}. ${benefits.en} The new partner certificate is in your cabinet.`,
    ],
    renewed: [
      `Статус «${ru[state.status]}» партнёра «${partnerName}» подтверждён ${on} и продлён до ${until}.`,
      `The ${en[state.status]} status of "${partnerName}" was confirmed on ${on} and renewed until ${until}.`,
    ],
    dropped: [
      `${on} условия статуса «${ru[change.from]}» не подтверждены. Новый статус «${partnerName}» — «${ru[state.status]}»${state.until ? ` до ${until}` : ""}. ${benefits.ru}`,
      `On ${on} the conditions of the ${en[change.from]} status were not confirmed. The new status of "${partnerName}" is ${en[state.status]}${state.until ? ` until ${until}` : ""}. ${benefits.en}`,
    ],
    terminated: [
      `Партнёрство «${partnerName}» прекращено с ${on}. Скидка и все NFR-лицензии аннулированы.`,
      `The partnership of "${partnerName}" ended on ${on}. The discount and all NFR licenses are revoked.`,
    ],
  };
  const [textRu, textEn] = lines[change.reason];
  return {
    subject: `Статус партнёра: ${ru[state.status]} / Partner status: ${en[state.status]}`,
    text: `Здравствуйте!\n${textRu}\n\nHello!\n${textEn}\n`,
  };
}
