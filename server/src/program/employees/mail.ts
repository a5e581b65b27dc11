// R4E: e-mails to employees — invitation, detachment, main-user change; Russian first, then English. Their
// wording is the default of templates admins may edit (program/mail-templates).
import type { EmployeeLevel } from "../../db/schema/index.ts";
import type { MailText } from "../../mail/partner.ts";
import { defineMail, partnerVar as partner } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";

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

const reference = {
  about: ["Реквизиты письменного запроса партнёра", "The partner's written request reference"],
  example: "письмо № 15 от 2026-11-20",
} as const;

export const employeeMails = {
  invitation: defineMail({
    key: "employees.invitation",
    title: ["Приглашение в карточку партнёра", "Invitation to a partner card"],
    rule: "R4E.1",
    vars: {
      partner,
      inviter: { about: ["Кто пригласил", "Who invited"], example: "Иван Петров" },
      levelRu: { about: ["Уровень прав по-русски", "Rights level in Russian"], example: levelRu.limited },
      levelEn: { about: ["Уровень прав по-английски", "Rights level in English"], example: levelEn.limited },
      flagsRu: {
        about: [
          "Группы по-русски, в скобках с пробелом впереди (может быть пусто)",
          "Groups in Russian, in brackets after a space (may be empty)",
        ],
        example: flagsText({ marketplace: true, leads: true }, "ru"),
      },
      flagsEn: {
        about: [
          "Группы по-английски, в скобках с пробелом впереди (может быть пусто)",
          "Groups in English, in brackets after a space (may be empty)",
        ],
        example: flagsText({ marketplace: true, leads: true }, "en"),
      },
    },
    subject:
      'Приглашение в карточку партнёра «{{partner}}» / Invitation to the partner card of "{{partner}}"',
    text:
      "Здравствуйте!\n{{inviter}} добавил(а) вашу учётную запись в карточку партнёра «{{partner}}» " +
      "с уровнем прав «{{levelRu}}»{{flagsRu}}. Доступ появится, когда вы примете " +
      "приглашение в разделе «Приглашения» личного кабинета; вы можете и отклонить его. " +
      "Сотрудники партнёра могут получать рассылки для партнёров.\n\n" +
      'Hello!\n{{inviter}} added your account to the partner card of "{{partner}}" ' +
      "with {{levelEn}}{{flagsEn}}. You get access once you accept the invitation " +
      'under "Invitations" in your account; you may also decline it. ' +
      "A partner's employees may receive partner mailings.\n",
  }),
  detached: defineMail({
    key: "employees.detached",
    title: ["Сотрудник откреплён", "Employee detached"],
    rule: "R4E, R4C.1",
    vars: { partner },
    subject: 'Вы откреплены от партнёра «{{partner}}» / You were detached from "{{partner}}"',
    text:
      "Здравствуйте!\nВаша учётная запись откреплена от карточки партнёра «{{partner}}»: доступ к разделам " +
      "партнёра закрыт, ваши сертификаты больше не учитываются в статусе этого партнёра.\n\n" +
      'Hello!\nYour account was detached from the partner card of "{{partner}}": access to the partner\'s ' +
      "sections is closed, and your certificates no longer count towards this partner's status.\n",
  }),
  mainUser: defineMail({
    key: "employees.main-user",
    title: ["Назначен главный пользователь", "Made the main user"],
    rule: "R4E.2",
    vars: { partner, reference },
    subject: 'Вы — главный пользователь «{{partner}}» / You are the main user of "{{partner}}"',
    text:
      "Здравствуйте!\nПо письменному запросу партнёра ({{reference}}) ваша учётная запись назначена " +
      "главным пользователем карточки партнёра «{{partner}}».\n\n" +
      "Hello!\nOn the partner's written request ({{reference}}) your account is now the main user " +
      'of the partner card of "{{partner}}".\n',
  }),
  formerMainUser: defineMail({
    key: "employees.former-main-user",
    title: ["Главный пользователь сменён", "Main user changed"],
    rule: "R4E.2",
    vars: { partner, reference },
    subject: 'Смена главного пользователя «{{partner}}» / Main user of "{{partner}}" changed',
    text:
      "Здравствуйте!\nПо письменному запросу партнёра ({{reference}}) главным пользователем карточки " +
      "«{{partner}}» назначен другой сотрудник. У вас остаются полные права.\n\n" +
      "Hello!\nOn the partner's written request ({{reference}}) another user is now the main user of " +
      '"{{partner}}". You keep full rights.\n',
  }),
};

/** R4E.1: the invited user must agree before getting access. */
export function invitationMail(
  mails: Mails,
  partnerName: string,
  inviterName: string,
  link: Flags & { level: EmployeeLevel },
): MailText {
  return mails.render(employeeMails.invitation, {
    partner: partnerName,
    inviter: inviterName,
    levelRu: levelRu[link.level],
    levelEn: levelEn[link.level],
    flagsRu: flagsText(link, "ru"),
    flagsEn: flagsText(link, "en"),
  });
}

/** R4E, R4C.1: detached — access ends and the employee's certificates no longer count for the partner. */
export const detachedMail = (mails: Mails, partnerName: string): MailText =>
  mails.render(employeeMails.detached, { partner: partnerName });

/** R4E.2: an admin made this user the main user on the partner's written request. */
export const mainUserMail = (mails: Mails, partnerName: string, requestReference: string): MailText =>
  mails.render(employeeMails.mainUser, { partner: partnerName, reference: requestReference });

/** R4E.2: the former main user keeps full rights. */
export const formerMainUserMail = (mails: Mails, partnerName: string, requestReference: string): MailText =>
  mails.render(employeeMails.formerMainUser, { partner: partnerName, reference: requestReference });
