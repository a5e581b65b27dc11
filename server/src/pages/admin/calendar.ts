// The working calendar (calendar_days): non-working weekdays and working weekends that every working-day term
// reads (R1.2b applications, R5.3 additional points, R5.4a projects, R7.3 phone days).

import { isCivilDate } from "@partner-trust/rules";
import { asc } from "drizzle-orm";
import { html } from "hono/html";
import { z } from "zod";
import * as s from "../../db/schema/index.ts";
import { setCalendarDay } from "../../program/catalogue/edit.ts";
import { field, select } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { adminPage, by } from "./types.ts";

type Day = typeof s.calendarDays.$inferSelect;
const kinds = {
  holiday: ["Праздник (нерабочий)", "Holiday (non-working)"],
  working_weekend: ["Рабочий выходной", "Working weekend"],
  regular: ["Обычный день", "Regular day"],
} as const;

export const calendar = adminPage<Day[]>({
  slug: "calendar",
  ru: "Праздники",
  en: "Holidays",
  about: [
    "Рабочие дни для сроков R1.2b, R5.3, R5.4a, R7.3",
    "Working days for the terms of R1.2b, R5.3, R5.4a, R7.3",
  ],
  load: ({ db }) => db.select().from(s.calendarDays).orderBy(asc(s.calendarDays.day)),
  view: (days) => html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("День", "Day")}</th>
      <th scope="col">${bi("Вид", "Kind")}</th></tr></thead>
    <tbody>${days.map((d) => html`<tr><td>${ruDate(d.day)}</td><td>${bi(kinds[d.kind][0], kinds[d.kind][1])}</td></tr>`)}</tbody></table></div>`,
  forms: [
    {
      name: "day",
      label: ["Изменить день", "Change a day"],
      schema: z.object({
        day: z.string().refine(isCivilDate, "Дата ГГГГ-ММ-ДД / A date YYYY-MM-DD"),
        kind: z.enum(["holiday", "working_weekend", "regular"], {
          error: "Выберите вид дня / Choose the kind",
        }),
      }),
      fields: (_d, v, e) =>
        html`${field({ name: "day", label: ["День", "Day"], type: "date", value: v.day, errors: e, required: true })}${select(
          {
            name: "kind",
            label: ["Вид", "Kind"],
            value: v.kind ?? "",
            errors: e,
            options: [["", "—", ""], ...Object.entries(kinds).map(([k, [ru, en]]) => [k, ru, en] as const)],
          },
        )}`,
      run: (deps, p, d) =>
        setCalendarDay(
          deps.db,
          d.day as string,
          d.kind === "regular" ? null : (d.kind as "holiday" | "working_weekend"),
          by(deps, p),
        ),
    },
  ],
});
