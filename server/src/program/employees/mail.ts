// R4E: e-mails to employees — invitation, detachment, main-user change; Russian first, then English.
import type { EmployeeLevel } from "../../db/schema/index.ts";
import type { MailText } from "../../mail/partner.ts";

export const levelRu: Record<EmployeeLevel, string> = {
  main: "главный пользователь",
  full: "полные права",
  limited: "ограниченные права",
  certified: "сертифицированный сотрудник (без прав)",
};
export const levelEn: Record<EmployeeLevel, string> = {
  main: "main user",
  full: "full rights",
  limited: "limited rights",
  certified: "certified employee (no rights)",
};

type Flags = { marketplace: boolean; leads: boolean };

const flagsText = (f: Flags, lang: "ru" | "en") => {
  const names = [
    f.marketplace ? (lang === "ru" ? "группа Marketplace" : "Marketplace group") : null,
    f.leads ? (lang === "ru" ? "группа «Лиды»" : "leads group") : null,
  ].filter(Boolean);
  return names.length ? ` (${names.join(", ")})` : "";
};

/** R4E.1: the invited user must agree before getting access. */
export function invitationMail(
  partnerName: string,
  inviterName: string,
  link: Flags & { level: EmployeeLevel },
): MailText {
  return {
    subject: `Приглашение в карточку партнёра «${partnerName}» / Invitation to the partner card of "${partnerName}"`,
    text:
      `Здравствуйте!\n${inviterName} добавил(а) вашу учётную запись в карточку партнёра «${partnerName}» ` +
      `с уровнем прав «${levelRu[link.level]}»${flagsText(link, "ru")}. Доступ появится, когда вы примете ` +
      `приглашение в разделе «Приглашения» личного кабинета; вы можете и отклонить его. ` +
      `Сотрудники партнёра могут получать рассылки для партнёров.\n\n` +
      `Hello!\n${inviterName} added your account to the partner card of "${partnerName}" ` +
      `with ${levelEn[link.level]}${flagsText(link, "en")}. You get access once you accept the invitation ` +
      `under "Invitations" in your account; you may also decline it. ` +
      `A partner's employees may receive partner mailings.\n`,
  };
}

/** R4E, R4C.1: detached — access ends and the employee's certificates no longer count for the partner. */
export function detachedMail(partnerName: string): MailText {
  return {
    subject: `Вы откреплены от партнёра «${partnerName}» / You were detached from "${partnerName}"`,
    text:
      `Здравствуйте!\nВаша учётная запись откреплена от карточки партнёра «${partnerName}»: доступ к разделам ` +
      `партнёра закрыт, ваши сертификаты больше не учитываются в статусе этого партнёра.\n\n` +
      `Hello!\nYour account was detached from the partner card of "${partnerName}": access to the partner's ` +
      `sections is closed, and your certificates no longer count towards this partner's status.\n`,
  };
}

/** R4E.2: an admin made this user the main user on the partner's written request. */
export function mainUserMail(partnerName: string, requestReference: string): MailText {
  return {
    subject: `Вы — главный пользователь «${partnerName}» / You are the main user of "${partnerName}"`,
    text:
      `Здравствуйте!\nПо письменному запросу партнёра (${requestReference}) ваша учётная запись назначена ` +
      `главным пользователем карточки партнёра «${partnerName}».\n\n` +
      `Hello!\nOn the partner's written request (${requestReference}) your account is now the main user ` +
      `of the partner card of "${partnerName}".\n`,
  };
}

/** R4E.2: the former main user keeps full rights. */
export function formerMainUserMail(partnerName: string, requestReference: string): MailText {
  return {
    subject: `Смена главного пользователя «${partnerName}» / Main user of "${partnerName}" changed`,
    text:
      `Здравствуйте!\nПо письменному запросу партнёра (${requestReference}) главным пользователем карточки ` +
      `«${partnerName}» назначен другой сотрудник. У вас остаются полные права.\n\n` +
      `Hello!\nOn the partner's written request (${requestReference}) another user is now the main user of ` +
      `"${partnerName}". You keep full rights.\n`,
  };
}
