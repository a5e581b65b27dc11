// R4.1: competencies and their conditions — the engine's CompetencyCondition as JSON, checked by the schema in
// program/catalogue/edit.ts (kinds, counts, known courses) before it is stored.
import { html } from "hono/html";
import { z } from "zod";
import * as s from "../../db/schema/index.ts";
import { setCompetencyConditions } from "../../program/catalogue/edit.ts";
import { field, select } from "../form.ts";
import { bi } from "../layout.ts";
import { adminPage, by } from "./types.ts";

type Competency = typeof s.competencies.$inferSelect;

export const competencies = adminPage<Competency[]>({
  slug: "competencies",
  ru: "Компетенции",
  en: "Competencies",
  about: [
    "R4.1: условия — JSON движка правил: credited-projects, certified-employees, qm-participant",
    "R4.1: conditions are the rules engine's JSON: credited-projects, certified-employees, qm-participant",
  ],
  load: ({ db }) => db.select().from(s.competencies),
  view: (list) => html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("Код", "Code")}</th>
      <th scope="col">${bi("Компетенция", "Competency")}</th><th scope="col">${bi("Условия", "Conditions")}</th></tr></thead>
    <tbody>${list.map(
      (c) =>
        html`<tr><td>${c.code}</td><td>${bi(c.titleRu, c.titleEn)}</td><td><code>${JSON.stringify(c.conditions)}</code></td></tr>`,
    )}</tbody></table></div>`,
  forms: [
    {
      name: "conditions",
      label: ["Изменить условия", "Change the conditions"],
      schema: z.object({
        competency: z.string().min(1, "Выберите компетенцию / Choose the competency"),
        conditions: z.string().transform((text, ctx) => {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            ctx.addIssue({ code: "custom", message: "Это не JSON / Not JSON" });
            return z.NEVER;
          }
        }),
      }),
      fields: (list, v, e) =>
        html`${select({
          name: "competency",
          label: ["Компетенция", "Competency"],
          value: v.competency ?? "",
          errors: e,
          options: [["", "—", ""], ...list.map((c) => [c.code, c.titleRu, c.titleEn] as const)],
        })}${field({
          name: "conditions",
          label: ["Условия (JSON)", "Conditions (JSON)"],
          value: v.conditions ?? '[{"kind":"credited-projects","min":3}]',
          errors: e,
          multiline: true,
          required: true,
        })}`,
      run: (deps, p, d) =>
        setCompetencyConditions(deps.db, d.competency as string, d.conditions, by(deps, p)),
    },
  ],
});
