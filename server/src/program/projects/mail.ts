// R5.4a: the partner is told of the moderator's decision on a project — Russian first, then English.
import type { Decision } from "./decide.ts";
import type { ProjectRow } from "./view.ts";

export function decisionMail(
  p: Pick<ProjectRow, "title" | "host" | "publishOnSite">,
  points: number,
  decision: Decision,
  note: string | undefined,
): { subject: string; text: string } {
  const noteRu = note ? `\nЗаметка модератора: ${note}` : "";
  const noteEn = note ? `\nModerator's note: ${note}` : "";
  const name = `«${p.title}» (${p.host})`;
  const [ru, en, subjectRu, subjectEn] =
    decision === "credit"
      ? [
          `Проект ${name} засчитан: начислено баллов — ${points}.${p.publishOnSite ? "" : " Проект не публикуется на сайте (нет согласия клиента на публикацию)."}`,
          `The project "${p.title}" (${p.host}) is credited: ${points} points.${p.publishOnSite ? "" : " It is not published on the site (no client consent to publication)."}`,
          "Проект засчитан",
          "Project credited",
        ]
      : decision === "accept_for_review"
        ? [
            `Проект ${name} принят на доработку. Исправьте замечания и сохраните проект — он вернётся на модерацию.`,
            `The project "${p.title}" (${p.host}) is accepted for review. Fix the remarks and save the project: it returns to moderation.`,
            "Проект принят на доработку",
            "Project accepted for review",
          ]
        : [
            `Проект ${name} отклонён.`,
            `The project "${p.title}" (${p.host}) is rejected.`,
            "Проект отклонён",
            "Project rejected",
          ];
  return {
    subject: `${subjectRu} / ${subjectEn}: ${p.host}`,
    text: `Здравствуйте!\n${ru}${noteRu}\n\nHello!\n${en}${noteEn}\n`,
  };
}
