// R4C, R8: course catalogue, employees' certificates, developer exams (R4C.3).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
    // R4C.3: level of a developer exam certificate; null for plain courses.
    examLevel: text("exam_level", { enum: ["junior", "middle", "senior"] }),
    issuedAt: timestamp("issued_at").notNull(),
    expiresAt: timestamp("expires_at"),
  },
  (t) => [index("certificates_user_id_idx").on(t.userId), index("certificates_course_id_idx").on(t.courseId)],
);

/** R2.2: how many certified employees (in which courses) each status needs; data, editable by admins. */
export const certificationRequirements = sqliteTable("certification_requirements", {
  id: id(),
  status: text("status", { enum: ["certified", "gold"] }).notNull(),
  courseId: text("course_id").references(() => courses.id),
  minExamLevel: text("min_exam_level", { enum: ["junior", "middle", "senior"] }),
  employees: integer("employees").notNull(),
});
