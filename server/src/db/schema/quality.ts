// R5.5: quality monitoring — the mandatory tests and the questionnaire (data), submissions (stage 1) and call
// ratings (stage 2).
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";
import { projects } from "./projects.ts";

/**
 * The queue: `submitted` = stage 1 in, waiting for the moderator's call; `completed` = both stages done;
 * `rejected` = the moderator turned stage 1 down (the project may be submitted again). `stage1_passed` is
 * not used by the routes (kept for rows written before the queue existed).
 */
export const qmStates = ["submitted", "stage1_passed", "completed", "rejected"] as const;

export const qmSubmissions = sqliteTable(
  "qm_submissions",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    // Stage 1: quality-monitor test results as JSON [{ code, passed, explanation? }].
    testResults: text("test_results", { mode: "json" }).notNull(),
    clientContactName: text("client_contact_name").notNull(),
    clientContactPhone: text("client_contact_phone").notNull(),
    clientContactEmail: text("client_contact_email"),
    state: text("state", { enum: qmStates }).notNull().default("submitted"),
    submittedBy: text("submitted_by"),
    submittedAt: timestamp("submitted_at").notNull(),
    // Stage 2: who recorded the call, and the points it credited (R5.5b: the license's point cost).
    calledBy: text("called_by"),
    points: integer("points"),
    // R2.3: both stages done; the QM-participant window counts from this date.
    completedAt: timestamp("completed_at"),
    rejectedBy: text("rejected_by"),
    rejectedAt: timestamp("rejected_at"),
    rejectReason: text("reject_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("qm_submissions_partner_id_idx").on(t.partnerId),
    index("qm_submissions_project_id_idx").on(t.projectId),
    index("qm_submissions_state_idx").on(t.state),
    // R5.5c: a project earns QM points once — one live (not rejected) submission per project.
    uniqueIndex("qm_submissions_live_project_idx").on(t.projectId).where(sql`state != 'rejected'`),
  ],
);

/** R5.5a: the quality monitor's mandatory tests (data, editable by admins). */
export const qmTests = sqliteTable("qm_tests", {
  id: id(),
  code: text("code").notNull().unique(),
  position: integer("position").notNull(),
  titleRu: text("title_ru").notNull(),
  titleEn: text("title_en").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
});

/** R5.5b: the fixed questionnaire (data); each question is rated on its scale. */
export const qmQuestions = sqliteTable("qm_questions", {
  id: id(),
  position: integer("position").notNull(),
  textRu: text("text_ru").notNull(),
  textEn: text("text_en").notNull(),
  scaleMin: integer("scale_min").notNull().default(1),
  scaleMax: integer("scale_max").notNull().default(5),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
});

export const qmCallRatings = sqliteTable(
  "qm_call_ratings",
  {
    id: id(),
    submissionId: text("submission_id")
      .notNull()
      .references(() => qmSubmissions.id),
    questionId: text("question_id")
      .notNull()
      .references(() => qmQuestions.id),
    rating: integer("rating").notNull(),
    comment: text("comment"),
    ratedBy: text("rated_by").notNull(),
    ratedAt: timestamp("rated_at").notNull(),
  },
  (t) => [
    index("qm_call_ratings_submission_id_idx").on(t.submissionId),
    uniqueIndex("qm_call_ratings_submission_id_question_id_idx").on(t.submissionId, t.questionId),
  ],
);
