// Catalogues that are data kept in code today, shown so admins see what applies: the QM questionnaire (R5.5,
// from qm_tests / qm_questions), the competing platforms a proposal may not offer (R7.1e).
import { html } from "hono/html";
import { competingPlatforms } from "../../program/leads/competitors.ts";
import { questionnaire } from "../../program/quality/queries.ts";
import { bi } from "../layout.ts";
import { adminPage } from "./types.ts";

export const qmQuestionnaire = adminPage<Awaited<ReturnType<typeof questionnaire>>>({
  slug: "questionnaire",
  ru: "Анкета программы качества",
  en: "QM questionnaire",
  about: [
    "R5.5: обязательные тесты и вопросы звонка клиенту",
    "R5.5: mandatory tests and the client call's questions",
  ],
  load: ({ db }) => questionnaire(db),
  view: (q) => html`<h2>${bi("Обязательные тесты", "Mandatory tests")}</h2>
    <ol>${q.tests.map((t) => html`<li><code>${t.code}</code> ${bi(t.titleRu, t.titleEn)}</li>`)}</ol>
    <h2>${bi("Вопросы звонка", "Call questions")}</h2>
    <ol>${q.questions.map((x) => html`<li>${bi(x.textRu, x.textEn)} <span class="muted">(${x.scaleMin}–${x.scaleMax})</span></li>`)}</ol>`,
  forms: [],
});

export const platforms = adminPage<typeof competingPlatforms>({
  slug: "platforms",
  ru: "Конкурирующие платформы",
  en: "Competing platforms",
  about: [
    "R7.1e: предложения с этими платформами помечаются; список задан в коде (program/leads/competitors.ts)",
    "R7.1e: proposals naming these platforms are flagged; the list is kept in code (program/leads/competitors.ts)",
  ],
  load: async () => competingPlatforms,
  view: (
    list,
  ) => html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("Платформа", "Platform")}</th>
      <th scope="col">${bi("Написания", "Spellings")}</th></tr></thead>
    <tbody>${list.map((p) => html`<tr><td>${p.name}</td><td>${p.spellings.join(", ")}</td></tr>`)}</tbody></table></div>`,
  forms: [],
});
