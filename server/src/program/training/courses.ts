// R8, R4C: the course catalogue admins keep. A course added later is required of Gold specialists from the
// day it is added (R4C.2, "future courses"); a retired one no longer is. Rows are never deleted.

import { asc, eq, sql } from "drizzle-orm";
import { moscowDay } from "../../clock.ts";
import { writeOrConflict } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { notFound } from "../../errors/index.ts";

export type Course = typeof s.courses.$inferSelect;
export type CourseKind = Course["kind"];

export function courseView(c: Course) {
  return {
    id: c.id,
    code: c.code,
    title: c.title,
    kind: c.kind,
    active: c.active,
    nfrRequest: c.nfrRequest,
    /** R4C.2: the Moscow day from which the course is required of Gold specialists. */
    addedOn: moscowDay(c.createdAt),
    retiredOn: c.retiredAt ? moscowDay(c.retiredAt) : null,
  };
}

export async function listCourses(db: Db): Promise<Course[]> {
  return db.select().from(s.courses).orderBy(asc(sql`rowid`));
}

const logEntry = (
  db: Db,
  by: { userId: string; now: Date },
  action: string,
  courseId: string,
  reason: string,
) =>
  db
    .insert(s.moderationLog)
    .values({ actorUserId: by.userId, at: by.now, action, targetType: "course", targetId: courseId, reason })
    .getSQL();

export async function addCourse(
  db: Db,
  input: { code: string; title: string; kind: CourseKind; nfrRequest: boolean },
  by: { userId: string; now: Date },
): Promise<Course> {
  const id = crypto.randomUUID();
  await writeOrConflict(
    db,
    [
      db
        .insert(s.courses)
        .values({ id, ...input, active: true, createdAt: by.now })
        .getSQL(),
      logEntry(db, by, "course.add", id, `${input.code}: ${input.title}`),
    ],
    `Курс с кодом ${input.code} уже есть. / A course with code ${input.code} exists.`,
  );
  return (await db.select().from(s.courses).where(eq(s.courses.id, id)))[0]!;
}

/** Edits a course; `active: false` retires it (kept, certificates stay), `active: true` brings it back. */
export async function updateCourse(
  db: Db,
  courseId: string,
  patch: { title?: string | undefined; active?: boolean | undefined; nfrRequest?: boolean | undefined },
  by: { userId: string; now: Date },
): Promise<Course> {
  const [course] = await db.select().from(s.courses).where(eq(s.courses.id, courseId));
  if (!course) throw notFound("Курс не найден. / No such course.");
  const retiring = patch.active === false && course.active;
  const returning = patch.active === true && !course.active;
  const set = {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.nfrRequest !== undefined ? { nfrRequest: patch.nfrRequest } : {}),
    ...(retiring ? { active: false, retiredAt: by.now } : {}),
    ...(returning ? { active: true, retiredAt: null } : {}),
  };
  const action = retiring ? "course.retire" : returning ? "course.reinstate" : "course.update";
  const changes = Object.entries(patch)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  await writeOrConflict(
    db,
    [
      ...(Object.keys(set).length
        ? [db.update(s.courses).set(set).where(eq(s.courses.id, courseId)).getSQL()]
        : []),
      logEntry(db, by, action, courseId, `${course.code}: ${changes}`),
    ],
    "Курс изменили одновременно с вами. / The course changed meanwhile.",
  );
  return (await db.select().from(s.courses).where(eq(s.courses.id, courseId)))[0]!;
}
