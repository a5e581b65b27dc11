// Admins' edits of the catalogue tables store.ts reads (editions' prices, certification requirements, competency
// conditions, the working calendar). Each edit and its moderation_log entry are one write batch; rows are
// changed in place (the log keeps the value before), never deleted but calendar days an admin takes back.
import { competencyConditionsSchema } from "@partner-trust/rules";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { notFound, validationError } from "../../errors/index.ts";

export type By = { userId: string; now: Date };

const log = (db: Db, by: By, action: string, targetType: string, targetId: string, reason: string) =>
  db
    .insert(s.moderationLog)
    .values({ actorUserId: by.userId, at: by.now, action, targetType, targetId, reason });

/** R5.2: an edition's end-user price (its point cost follows: the engine's pointsForEdition). */
export async function setEditionPrice(db: Db, code: string, priceRub: number, by: By) {
  const [edition] = await db.select().from(s.editions).where(eq(s.editions.code, code));
  if (!edition) throw notFound("Нет такой редакции / No such edition.");
  if (!Number.isInteger(priceRub) || priceRub <= 0)
    throw validationError([
      { path: "priceRub", message: "Цена — целое число рублей больше нуля / A whole RUB price above zero" },
    ]);
  await db.batch([
    db.update(s.editions).set({ priceRub }).where(eq(s.editions.id, edition.id)),
    log(db, by, "catalogue.edition_price", "edition", code, `${edition.priceRub} → ${priceRub}`),
  ]);
}

/** R1.2b, R5.3, R5.4a, R7.3: a day of the working calendar is a holiday or a working weekend — or `null`: neither. */
export async function setCalendarDay(
  db: Db,
  day: string,
  kind: "holiday" | "working_weekend" | null,
  by: By,
) {
  const [before] = await db.select().from(s.calendarDays).where(eq(s.calendarDays.day, day));
  const reason = `${before?.kind ?? "regular"} → ${kind ?? "regular"}`;
  const entry = log(db, by, "catalogue.calendar_day", "calendar_day", day, reason);
  if (kind === null) {
    if (!before) return;
    await db.batch([db.delete(s.calendarDays).where(eq(s.calendarDays.day, day)), entry]);
    return;
  }
  await db.batch([
    db
      .insert(s.calendarDays)
      .values({ day, kind })
      .onConflictDoUpdate({ target: s.calendarDays.day, set: { kind } }),
    entry,
  ]);
}

/** R2.2, R2.3: how many attached employees with the course's certificate a status needs (0: not required). */
export async function setRequirement(
  db: Db,
  status: "certified" | "gold",
  courseCode: string,
  employees: number,
  by: By,
) {
  const [course] = await db.select().from(s.courses).where(eq(s.courses.code, courseCode));
  if (!course) throw notFound("Нет такого курса / No such course.");
  const where = and(
    eq(s.certificationRequirements.status, status),
    eq(s.certificationRequirements.courseId, course.id),
  );
  const [before] = await db.select().from(s.certificationRequirements).where(where);
  const entry = log(
    db,
    by,
    "catalogue.requirement",
    "course",
    course.id,
    `${status}: ${before?.employees ?? 0} → ${employees}`,
  );
  await db.batch([
    before
      ? db.update(s.certificationRequirements).set({ employees }).where(where)
      : db.insert(s.certificationRequirements).values({ status, courseId: course.id, employees }),
    entry,
  ]);
}

/** R4.1: a competency's conditions; course codes must be in the catalogue. */
export async function setCompetencyConditions(db: Db, code: string, conditions: unknown, by: By) {
  const parsed = competencyConditionsSchema.safeParse(conditions);
  if (!parsed.success)
    throw validationError(
      parsed.error.issues.map((i) => ({ path: ["conditions", ...i.path].join("."), message: i.message })),
    );
  const [competency] = await db.select().from(s.competencies).where(eq(s.competencies.code, code));
  if (!competency) throw notFound("Нет такой компетенции / No such competency.");
  const known = new Set((await db.select({ code: s.courses.code }).from(s.courses)).map((c) => c.code));
  const unknown = parsed.data
    .flatMap((c) => (c.kind === "certified-employees" ? c.courses : []))
    .filter((c) => !known.has(c));
  if (unknown.length)
    throw validationError([
      { path: "conditions", message: `Нет таких курсов / Unknown courses: ${unknown.join(", ")}` },
    ]);
  await db.batch([
    db.update(s.competencies).set({ conditions: parsed.data }).where(eq(s.competencies.id, competency.id)),
    log(db, by, "catalogue.competency", "competency", code, JSON.stringify(competency.conditions)),
  ]);
}
