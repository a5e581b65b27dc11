// R5.5a–b: the QM questionnaire — the mandatory tests and the questions of the call to the client — edited through
// program/quality/admin.ts (a wording never changes: a new row replaces it, the old one is retired).
import { html } from "hono/html";
import { z } from "zod";
import { addQuestion, addTest, changeQuestion, changeTest } from "../../program/quality/admin.ts";
import { questionnaire } from "../../program/quality/queries.ts";
import { field, select } from "../form.ts";
import { bi } from "../layout.ts";
import { adminPage } from "./types.ts";

type Data = Awaited<ReturnType<typeof questionnaire>>;
const text = z.string().trim().min(1).max(500);
const scale = z.coerce.number({ error: "Число / A number" }).int("Целое / Whole").min(0).max(100);

export const qmQuestionnaire = adminPage<Data>({
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
  forms: [
    {
      name: "question",
      label: ["Добавить вопрос", "Add a question"],
      schema: z.object({ textRu: text, textEn: text, scaleMin: scale, scaleMax: scale }),
      fields: (
        _q,
        v,
        e,
      ) => html`${field({ name: "textRu", label: ["Вопрос по-русски", "Question in Russian"], value: v.textRu, errors: e, required: true })}
        ${field({ name: "textEn", label: ["Вопрос по-английски", "Question in English"], value: v.textEn, errors: e, required: true })}
        ${field({ name: "scaleMin", label: ["Шкала: от", "Scale: from"], type: "number", value: v.scaleMin ?? "1", errors: e, required: true })}
        ${field({ name: "scaleMax", label: ["Шкала: до", "Scale: to"], type: "number", value: v.scaleMax ?? "5", errors: e, required: true })}`,
      run: ({ db, clock }, p, d) =>
        addQuestion(
          db,
          {
            textRu: d.textRu as string,
            textEn: d.textEn as string,
            scaleMin: d.scaleMin as number,
            scaleMax: d.scaleMax as number,
            adminId: p.userId,
          },
          { clock },
        ),
    },
    {
      name: "retire-question",
      label: ["Снять вопрос", "Retire a question"],
      schema: z.object({ questionId: z.string().min(1, "Выберите вопрос / Choose the question") }),
      fields: (q, v, e) =>
        select({
          name: "questionId",
          label: ["Вопрос", "Question"],
          value: v.questionId ?? "",
          errors: e,
          options: [["", "—", ""], ...q.questions.map((x) => [x.id, x.textRu, ""] as const)],
        }),
      run: ({ db, clock }, p, d) =>
        changeQuestion(
          db,
          { questionId: d.questionId as string, active: false, adminId: p.userId },
          { clock },
        ),
    },
    {
      name: "test",
      label: ["Добавить тест", "Add a test"],
      schema: z.object({
        code: z
          .string()
          .trim()
          .regex(/^[a-z0-9][a-z0-9-]{1,49}$/, "Код: латиница, цифры, дефис / Code: a–z, 0–9, hyphen"),
        titleRu: text,
        titleEn: text,
      }),
      fields: (
        _q,
        v,
        e,
      ) => html`${field({ name: "code", label: ["Код", "Code"], value: v.code, errors: e, required: true })}
        ${field({ name: "titleRu", label: ["Название по-русски", "Title in Russian"], value: v.titleRu, errors: e, required: true })}
        ${field({ name: "titleEn", label: ["Название по-английски", "Title in English"], value: v.titleEn, errors: e, required: true })}`,
      run: ({ db, clock }, p, d) =>
        addTest(
          db,
          {
            code: d.code as string,
            titleRu: d.titleRu as string,
            titleEn: d.titleEn as string,
            adminId: p.userId,
          },
          { clock },
        ),
    },
    {
      name: "retire-test",
      label: ["Снять тест", "Retire a test"],
      schema: z.object({ testCode: z.string().min(1, "Выберите тест / Choose the test") }),
      fields: (q, v, e) =>
        select({
          name: "testCode",
          label: ["Тест", "Test"],
          value: v.testCode ?? "",
          errors: e,
          options: [["", "—", ""], ...q.tests.map((t) => [t.code, t.titleRu, ""] as const)],
        }),
      run: ({ db, clock }, p, d) =>
        changeTest(db, { code: d.testCode as string, active: false, adminId: p.userId }, { clock }),
    },
  ],
});
