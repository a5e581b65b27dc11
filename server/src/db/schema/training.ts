// R4C, R8: course catalogue, employees' certificates, developer exams (R4C.3).
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { user } from "./auth.ts";

export const courses = sqliteTable("courses", {
  id: id(),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  kind: text("kind", { enum: ["course", "developer_exam"] })
    .notNull()
    .default("course"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  // R6.2b: a certificate in this course satisfies "≥ 1 employee certified in the listed courses".
  nfrRequest: integer("nfr_request", { mode: "boolean" }).notNull().default(false),
  // R4C.2: a course added later is required of Gold specialists from the Moscow day of `created_at`;
  // a retired course (`active` false) is no longer required. Rows are never deleted.
  retiredAt: timestamp("retired_at"),
  createdAt: createdAt(),
});

export const certificates = sqliteTable(
  "certificates",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id),
    // R4C.3: level of a developer exam certificate; null for plain courses. The engine has no levels:
    // an exam certificate counts as a certificate of the exam's course.
    examLevel: text("exam_level", { enum: ["junior", "middle", "senior"] }),
    issuedAt: timestamp("issued_at").notNull(),
    expiresAt: timestamp("expires_at"),
    // The admin who recorded it (R8: certificates come from the vendor's courses); null for seeded rows.
    recordedBy: text("recorded_by"),
  },
  (t) => [
    index("certificates_user_id_idx").on(t.userId),
    index("certificates_course_id_idx").on(t.courseId),
    // R4C.1: covers the recompute's certificate count (program/status/conditions.ts).
    index("certificates_user_id_course_id_issued_at_idx").on(t.userId, t.courseId, t.issuedAt),
  ],
);

/**
 * R2.2, R2.3: per status and course, how many attached employees must hold that course's certificate
 * (the engine's StatusRequirements); data, editable by admins.
 */
export const certificationRequirements = sqliteTable(
  "certification_requirements",
  {
    id: id(),
    status: text("status", { enum: ["certified", "gold"] }).notNull(),
    // Rows without a course (the old "any course" table) are not read: the engine counts per course.
    courseId: text("course_id").references(() => courses.id),
    employees: integer("employees").notNull(),
  },
  (t) => [uniqueIndex("certification_requirements_status_course_id_idx").on(t.status, t.courseId)],
);

/** R1.2b, R5.3, R5.4a, R7.3: non-working weekdays and working weekends (the engine's WorkCalendar). */
export const calendarDays = sqliteTable("calendar_days", {
  day: text("day").primaryKey(),
  kind: text("kind", { enum: ["holiday", "working_weekend"] }).notNull(),
});
