// R4C, R2.2–R2.3: courses (added, retired, reinstated through program/training/courses.ts) and how many
// certified employees each status needs per course (program/catalogue/edit.ts).
import { html } from "hono/html";
import { z } from "zod";
import { setRequirement } from "../../program/catalogue/edit.ts";
import { loadRequirements } from "../../program/catalogue/store.ts";
import { addCourse, type Course, listCourses, updateCourse } from "../../program/training/courses.ts";
import { checkbox, field, select } from "../form.ts";
import { bi, ruDate } from "../layout.ts";
import { adminPage, by } from "./types.ts";

type Data = { courses: Course[]; requirements: Awaited<ReturnType<typeof loadRequirements>> };
const courseOptions = (d: Data) => [
  ["", "—", ""] as const,
  ...d.courses.map((c) => [c.code, `${c.code}: ${c.title}`, ""] as const),
];

export const training = adminPage<Data>({
  slug: "courses",
  ru: "Курсы и требования",
  en: "Courses and requirements",
  about: [
    "R2.2, R2.3, R4C: курсы и сертифицированные сотрудники по статусам",
    "R2.2, R2.3, R4C: courses and certified employees per status",
  ],
  async load({ db }) {
    const [courses, requirements] = await Promise.all([listCourses(db), loadRequirements(db)]);
    return { courses, requirements };
  },
  view: (d) => html`<div class="table-wrap"><table><thead><tr><th scope="col">${bi("Код", "Code")}</th>
      <th scope="col">${bi("Курс", "Course")}</th><th scope="col">${bi("Вид", "Kind")}</th>
      <th scope="col" class="num">Certified</th><th scope="col" class="num">Gold</th><th scope="col">${bi("Состояние", "State")}</th></tr></thead>
    <tbody>${d.courses.map(
      (
        c,
      ) => html`<tr><td>${c.code}</td><td>${c.title}${c.nfrRequest ? html` <span class="badge">NFR</span>` : ""}</td><td>${c.kind}</td>
        <td class="num">${d.requirements.certified[c.code] ?? 0}</td><td class="num">${d.requirements.gold[c.code] ?? 0}</td>
        <td>${c.active ? bi("действует", "active") : html`${bi("снят", "retired")} ${ruDate(c.retiredAt)}`}</td></tr>`,
    )}</tbody></table></div>`,
  forms: [
    {
      name: "add",
      label: ["Добавить курс", "Add a course"],
      schema: z.object({
        code: z
          .string()
          .trim()
          .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "Код: латиница, цифры, дефис / Code: a–z, 0–9, hyphen"),
        title: z.string().trim().min(1).max(300),
        kind: z.enum(["course", "developer_exam"]),
        nfrRequest: z.preprocess((v) => v === "on", z.boolean()),
      }),
      fields: (_d, v, e) =>
        html`${field({ name: "code", label: ["Код", "Code"], value: v.code, errors: e, required: true })}${field(
          {
            name: "title",
            label: ["Название", "Title"],
            value: v.title,
            errors: e,
            required: true,
          },
        )}${select({
          name: "kind",
          label: ["Вид", "Kind"],
          value: v.kind ?? "course",
          errors: e,
          options: [
            ["course", "Курс", "Course"],
            ["developer_exam", "Экзамен разработчика", "Developer exam"],
          ],
        })}${checkbox({ name: "nfrRequest", label: ["Засчитывается для NFR по запросу (R6.2b)", "Counts for NFR on request (R6.2b)"], errors: e, checked: v.nfrRequest === "on" })}`,
      run: (deps, p, d) =>
        addCourse(
          deps.db,
          {
            code: d.code as string,
            title: d.title as string,
            kind: d.kind as Course["kind"],
            nfrRequest: d.nfrRequest as boolean,
          },
          by(deps, p),
        ),
    },
    {
      name: "state",
      label: ["Снять или вернуть курс", "Retire or reinstate a course"],
      schema: z.object({
        stateCourse: z.string().min(1, "Выберите курс / Choose the course"),
        active: z.enum(["yes", "no"], { error: "Выберите состояние / Choose the state" }),
      }),
      fields: (d, v, e) =>
        html`${select({ name: "stateCourse", label: ["Курс", "Course"], value: v.stateCourse ?? "", errors: e, options: courseOptions(d) })}${select(
          {
            name: "active",
            label: ["Состояние", "State"],
            value: v.active ?? "",
            errors: e,
            options: [
              ["", "—", ""],
              ["yes", "Действует", "Active"],
              ["no", "Снят", "Retired"],
            ],
          },
        )}`,
      async run(deps, p, d) {
        const course = (await listCourses(deps.db)).find((c) => c.code === d.stateCourse);
        if (!course) throw new Error("course vanished");
        return updateCourse(deps.db, course.id, { active: d.active === "yes" }, by(deps, p));
      },
    },
    {
      name: "requirement",
      label: ["Требование статуса", "Status requirement"],
      schema: z.object({
        status: z.enum(["certified", "gold"], { error: "Выберите статус / Choose the status" }),
        course: z.string().min(1, "Выберите курс / Choose the course"),
        employees: z.coerce
          .number({ error: "Число / A number" })
          .int("Целое / Whole")
          .min(0, "Не меньше 0 / At least 0")
          .max(100),
      }),
      fields: (d, v, e) =>
        html`${select({
          name: "status",
          label: ["Статус", "Status"],
          value: v.status ?? "",
          errors: e,
          options: [
            ["", "—", ""],
            ["certified", "Сертифицированный", "Certified"],
            ["gold", "Золотой", "Gold"],
          ],
        })}${select({ name: "course", label: ["Курс", "Course"], value: v.course ?? "", errors: e, options: courseOptions(d) })}${field(
          {
            name: "employees",
            label: ["Сотрудников с сертификатом", "Certified employees"],
            type: "number",
            value: v.employees,
            errors: e,
            required: true,
          },
        )}`,
      run: (deps, p, d) =>
        setRequirement(
          deps.db,
          d.status as "certified" | "gold",
          d.course as string,
          d.employees as number,
          by(deps, p),
        ),
    },
  ],
});
