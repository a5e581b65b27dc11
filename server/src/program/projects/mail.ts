// R5.4a: the partner is told of the moderator's decision on a project — Russian first, then English. The
// wording is the default of templates admins may edit (program/mail-templates).
import type { MailText } from "../../mail/partner.ts";
import { defineMail } from "../../mail/template.ts";
import type { Mails } from "../mail-templates/store.ts";
import type { Decision } from "./decide.ts";
import type { ProjectRow } from "./view.ts";

const vars = {
  title: { about: ["Название проекта", "Project title"], example: "Интернет-магазин «Чай»" },
  host: { about: ["Домен проекта", "Project domain"], example: "chai.example" },
  points: { about: ["Начислено баллов партнёру", "Points credited to the partner"], example: 40 },
  onSite: {
    about: [
      "Клиент согласен на публикацию проекта на сайте (R5.4g)",
      "The client consents to the project's publication on the site (R5.4g)",
    ],
    example: false,
  },
  note: {
    about: ["Заметка модератора (может отсутствовать)", "Moderator's note (may be absent)"],
    example: "Добавьте ссылку на договор",
  },
} as const;

const mail = (ru: string, en: string) =>
  "Здравствуйте!\n" +
  `${ru}{{#note}}\nЗаметка модератора: {{note}}{{/note}}\n\n` +
  "Hello!\n" +
  `${en}{{#note}}\nModerator's note: {{note}}{{/note}}\n`;

export const projectMails = {
  credit: defineMail({
    key: "project.credited",
    title: ["Проект засчитан", "Project credited"],
    rule: "R5.4a",
    vars,
    subject: "Проект засчитан / Project credited: {{host}}",
    text: mail(
      "Проект «{{title}}» ({{host}}) засчитан: начислено баллов — {{points}}.{{^onSite}} Проект не публикуется на сайте (нет согласия клиента на публикацию).{{/onSite}}",
      'The project "{{title}}" ({{host}}) is credited: {{points}} points.{{^onSite}} It is not published on the site (no client consent to publication).{{/onSite}}',
    ),
  }),
  accept_for_review: defineMail({
    key: "project.accepted-for-review",
    title: ["Проект принят на доработку", "Project accepted for review"],
    rule: "R5.4a",
    vars,
    subject: "Проект принят на доработку / Project accepted for review: {{host}}",
    text: mail(
      "Проект «{{title}}» ({{host}}) принят на доработку. Исправьте замечания и сохраните проект — он вернётся на модерацию.",
      'The project "{{title}}" ({{host}}) is accepted for review. Fix the remarks and save the project: it returns to moderation.',
    ),
  }),
  reject: defineMail({
    key: "project.rejected",
    title: ["Проект отклонён", "Project rejected"],
    rule: "R5.4a",
    vars,
    subject: "Проект отклонён / Project rejected: {{host}}",
    text: mail("Проект «{{title}}» ({{host}}) отклонён.", 'The project "{{title}}" ({{host}}) is rejected.'),
  }),
} satisfies Record<Decision, unknown>;

export function decisionMail(
  mails: Mails,
  p: Pick<ProjectRow, "title" | "host" | "publishOnSite">,
  points: number,
  decision: Decision,
  note: string | undefined,
): MailText {
  return mails.render(projectMails[decision], {
    title: p.title,
    host: p.host,
    points,
    onSite: p.publishOnSite,
    note: note ?? null,
  });
}
