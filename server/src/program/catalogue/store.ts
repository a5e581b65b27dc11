// The catalogue tables (admin-editable) ↔ the engine's Catalogue: seeded from it, read back into it.
import {
  type Catalogue,
  type CompetencyCondition,
  type CompetencyDefinition,
  type Course,
  defaultCatalogue,
  type Edition,
  type StatusRequirements,
} from "@partner-trust/rules";
import { asc, eq, sql } from "drizzle-orm";
import type { Writer } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";

/** R4.1: English titles for the competency rows (the engine names them in Russian only). */
const englishTitles: Readonly<Record<string, string>> = {
  "composite-site": "Composite site",
  "qm-participant": "Quality monitoring program participant",
  "integration-1c": "Integration with 1C",
  "php-hosting": "PHP hosting",
  "large-corporate": "Large corporate implementations",
  "system-administration": "System administration and operation",
  medicine: "Solutions for medicine",
  government: "Solutions for government",
};

// Rows in insertion order: the order the catalogue listed them.
const inserted = sql`rowid`;

/** Writes `catalogue` into the empty catalogue tables: the one source of the seed's catalogue data. */
export async function seedCatalogue(db: Writer, catalogue: Catalogue = defaultCatalogue): Promise<void> {
  await db.insert(s.editions).values(
    Object.values(catalogue.editions).map((e, i) => ({
      code: e.id,
      title: e.name,
      product: "site_management" as const,
      priceRub: e.priceRub,
      sites: e.sites,
      rank: i + 1,
    })),
  );
  const courses = await db
    .insert(s.courses)
    .values(
      catalogue.courses.map((c) => ({
        code: c.id,
        title: c.name,
        nfrRequest: catalogue.nfrCourses.includes(c.id),
      })),
    )
    .returning({ id: s.courses.id, code: s.courses.code });
  const courseId = new Map(courses.map((c) => [c.code, c.id]));
  const requirements = (["certified", "gold"] as const).flatMap((status) =>
    Object.entries(catalogue.requirements[status]).map(([course, employees]) => {
      const id = courseId.get(course);
      if (!id) throw new Error(`requirement for ${status} names unknown course "${course}"`);
      return { status, courseId: id, employees };
    }),
  );
  if (requirements.length) await db.insert(s.certificationRequirements).values(requirements);
  await db.insert(s.competencies).values(
    catalogue.competencies.map((c) => ({
      code: c.id,
      titleRu: c.name,
      titleEn: englishTitles[c.id] ?? c.name,
      conditions: c.conditions,
    })),
  );
  const days = [
    ...catalogue.calendar.holidays.map((day) => ({ day, kind: "holiday" as const })),
    ...catalogue.calendar.workingWeekends.map((day) => ({ day, kind: "working_weekend" as const })),
  ];
  if (days.length) await db.insert(s.calendarDays).values(days);
}

/** R2.2, R2.3: the requirement table alone (what every status step needs). */
export async function loadRequirements(db: Writer): Promise<StatusRequirements> {
  const rows = await db
    .select({
      status: s.certificationRequirements.status,
      course: s.courses.code,
      n: s.certificationRequirements.employees,
    })
    .from(s.certificationRequirements)
    .innerJoin(s.courses, eq(s.courses.id, s.certificationRequirements.courseId));
  const table = (status: "certified" | "gold") =>
    Object.fromEntries(rows.filter((r) => r.status === status).map((r) => [r.course, r.n]));
  return { certified: table("certified"), gold: table("gold") };
}

/**
 * The engine's Catalogue from the tables. Requirements are per status and course (attached employees
 * holding that course's certificate); rows without a course are not part of the engine's model and are
 * skipped. Exam courses are courses like any other (an exam certificate counts for its course, R4C.3).
 */
export async function loadCatalogue(db: Writer): Promise<Catalogue> {
  // One after another: inside a transaction the statements share one stream.
  const editionRows = await db
    .select()
    .from(s.editions)
    .where(eq(s.editions.product, "site_management"))
    .orderBy(asc(s.editions.rank));
  const courseRows = await db.select().from(s.courses).where(eq(s.courses.active, true)).orderBy(inserted);
  const requirements = await loadRequirements(db);
  const competencyRows = await db.select().from(s.competencies).orderBy(inserted);
  const dayRows = await db.select().from(s.calendarDays).orderBy(asc(s.calendarDays.day));
  const editions: Record<string, Edition> = Object.fromEntries(
    editionRows.map((e) => [e.code, { id: e.code, name: e.title, priceRub: e.priceRub, sites: e.sites }]),
  );
  const courses: Course[] = courseRows.map((c) => ({ id: c.code, name: c.title }));
  const competencies: CompetencyDefinition[] = competencyRows.map((c) => ({
    id: c.code,
    name: c.titleRu,
    conditions: c.conditions as CompetencyCondition[],
  }));
  return {
    editions,
    courses,
    requirements,
    competencies,
    nfrCourses: courseRows.filter((c) => c.nfrRequest).map((c) => c.code),
    calendar: {
      holidays: dayRows.filter((d) => d.kind === "holiday").map((d) => d.day),
      workingWeekends: dayRows.filter((d) => d.kind === "working_weekend").map((d) => d.day),
    },
  };
}
