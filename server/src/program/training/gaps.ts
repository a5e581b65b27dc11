// R4C.1–2: a partner's attached employees with their certificates, and what Gold asks of its specialists —
// every active course (future ones from the day they are added). Decision: specialists = full or limited.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { partnerOf } from "../employees/links.ts";

const specialistLevels: readonly s.EmployeeLevel[] = ["full", "limited"];

export async function trainingOf(db: Db, partnerId: string) {
  const partner = await partnerOf(db, partnerId);
  const employees = await db
    .select({
      linkId: s.employeeLinks.id,
      userId: s.employeeLinks.userId,
      name: s.user.name,
      email: s.user.email,
      level: s.employeeLinks.level,
    })
    .from(s.employeeLinks)
    .innerJoin(s.user, eq(s.user.id, s.employeeLinks.userId))
    .where(and(eq(s.employeeLinks.partnerId, partnerId), eq(s.employeeLinks.invitation, "accepted")))
    .orderBy(asc(s.employeeLinks.invitedAt), asc(s.employeeLinks.id));
  const userIds = employees.map((e) => e.userId);
  const held = userIds.length
    ? await db
        .select({
          userId: s.certificates.userId,
          courseId: s.certificates.courseId,
          courseCode: s.courses.code,
          title: s.courses.title,
          examLevel: s.certificates.examLevel,
          issuedAt: s.certificates.issuedAt,
        })
        .from(s.certificates)
        .innerJoin(s.courses, eq(s.courses.id, s.certificates.courseId))
        .where(inArray(s.certificates.userId, userIds))
        .orderBy(asc(s.certificates.issuedAt))
    : [];
  // R4C.2: the current online courses (exams are a separate, paid certification, R4C.3).
  const required = await db
    .select()
    .from(s.courses)
    .where(and(eq(s.courses.active, true), eq(s.courses.kind, "course")))
    .orderBy(asc(sql`rowid`));
  const certificatesOf = (userId: string) => held.filter((c) => c.userId === userId);
  const goldGaps = employees
    .filter((e) => specialistLevels.includes(e.level))
    .map((e) => {
      const has = new Set(certificatesOf(e.userId).map((c) => c.courseId));
      return {
        userId: e.userId,
        name: e.name,
        missingCourses: required.filter((c) => !has.has(c.id)).map((c) => c.code),
      };
    })
    .filter((g) => g.missingCourses.length > 0);
  return {
    partnerId,
    status: partner.status,
    requiredCourses: required.map((c) => ({
      code: c.code,
      title: c.title,
      requiredFrom: moscowDay(c.createdAt),
    })),
    employees: employees.map((e) => ({
      ...e,
      certificates: certificatesOf(e.userId).map((c) => ({
        courseCode: c.courseCode,
        title: c.title,
        examLevel: c.examLevel,
        issuedOn: moscowDay(c.issuedAt),
      })),
    })),
    goldGaps,
  };
}
