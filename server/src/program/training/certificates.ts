// R4C.1, R4C.3: admins record an employee's certificate (developer exams with a level); every partner the user
// is attached to is re-evaluated at once — a certificate may complete a status's conditions (R2.5).

import { and, eq, isNull } from "drizzle-orm";
import { type Clock, moscowDay, moscowMidnight } from "../../clock.ts";
import { writeOrConflict } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { AppError, conflict, validationError } from "../../errors/index.ts";
import { userByEmail } from "../employees/links.ts";
import { applyStatus } from "../status/apply.ts";

export type ExamLevel = NonNullable<(typeof s.certificates.$inferSelect)["examLevel"]>;
export type NewCertificate = {
  email: string;
  courseCode: string;
  issuedOn: string;
  examLevel?: ExamLevel | undefined;
};

export async function recordCertificate(
  db: Db,
  input: NewCertificate,
  by: { userId: string; now: Date },
  clock: Clock,
) {
  const today = moscowDay(by.now);
  if (input.issuedOn > today)
    throw validationError([
      {
        path: "issuedOn",
        message: `Дата выдачи позже сегодняшней (${today}). / The issue date is after today (${today}).`,
      },
    ]);
  const holder = await userByEmail(db, input.email);
  const [course] = await db.select().from(s.courses).where(eq(s.courses.code, input.courseCode));
  if (!course) {
    const message = `Нет курса ${input.courseCode}. / No course ${input.courseCode}.`;
    throw new AppError("notFound", message, [{ path: "courseCode", message }]);
  }
  if (!course.active)
    throw conflict(`Курс ${course.code} выведен из каталога. / Course ${course.code} is retired.`);
  // R4C.3: an exam certificate carries its level.
  if (course.kind === "developer_exam" && !input.examLevel)
    throw validationError([
      { path: "examLevel", message: "Для экзамена нужен уровень. / An exam certificate needs a level." },
    ]);
  const examLevel = input.examLevel ?? null;
  // R4C.1: one certificate per course (per exam level).
  const [held] = await db
    .select({ id: s.certificates.id })
    .from(s.certificates)
    .where(
      and(
        eq(s.certificates.userId, holder.id),
        eq(s.certificates.courseId, course.id),
        examLevel ? eq(s.certificates.examLevel, examLevel) : isNull(s.certificates.examLevel),
      ),
    );
  const duplicate = `У ${holder.email} уже есть этот сертификат. / ${holder.email} already holds this certificate.`;
  if (held) throw conflict(duplicate);
  const id = crypto.randomUUID();
  await writeOrConflict(
    db,
    [
      db
        .insert(s.certificates)
        .values({
          id,
          userId: holder.id,
          courseId: course.id,
          examLevel,
          issuedAt: moscowMidnight(input.issuedOn),
          recordedBy: by.userId,
        })
        .getSQL(),
      db
        .insert(s.moderationLog)
        .values({
          actorUserId: by.userId,
          at: by.now,
          action: "certificate.record",
          targetType: "certificate",
          targetId: id,
          reason: `${holder.email}: ${course.code}${examLevel ? ` (${examLevel})` : ""}, ${input.issuedOn}`,
        })
        .getSQL(),
    ],
    duplicate,
  );
  const links = await db
    .select({ partnerId: s.employeeLinks.partnerId })
    .from(s.employeeLinks)
    .where(and(eq(s.employeeLinks.userId, holder.id), eq(s.employeeLinks.invitation, "accepted")));
  const partners = [];
  for (const { partnerId } of links) {
    const applied = await applyStatus(db, partnerId, today, { clock });
    partners.push({ partnerId, status: applied.state.status });
  }
  return {
    id,
    userId: holder.id,
    email: holder.email,
    courseCode: course.code,
    examLevel,
    issuedOn: input.issuedOn,
    partners,
  };
}
