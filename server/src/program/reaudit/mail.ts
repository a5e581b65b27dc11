// R6.2c: the moderators' e-mail when a re-audit flags a site. Its wording is the default of a template admins
// may edit (program/mail-templates).
import { defineMail, partnerVar } from "../../mail/template.ts";

const vars = {
  partner: partnerVar,
  host: { about: ["Сайт (домен)", "Site (host)"], example: "studio.ru" },
  url: { about: ["Проверенный адрес", "The audited address"], example: "https://studio.ru/" },
} as const;

export const reauditMails = {
  nfrSiteFlagged: defineMail({
    key: "reaudit.nfr-site-flagged",
    title: ["Повторный аудит: сайт NFR не прошёл A1", "Re-audit: an NFR site fails A1"],
    rule: "R6.2c",
    vars,
    required: ["host"], // without the site the moderators cannot find the report
    subject: "Повторный аудит: {{host}} — нет требований R6.2c / Re-audit: {{host}} fails R6.2c",
    text:
      "«{{partner}}», {{host}}: A1 (R6.2c) не пройден после успешной проверки / A1 (R6.2c) fails after a pass\n\n" +
      "{{url}}\nGET /api/v1/audit-reports?host={{host}}",
  }),
};
