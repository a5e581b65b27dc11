// R5.5: quality monitoring submissions (stage 1) and call ratings (stage 2).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";
import { projects } from "./projects.ts";

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
    // Stage 1: quality-monitor test results as JSON [{ test, passed, explanation? }].
    testResults: text("test_results", { mode: "json" }).notNull(),
    clientContactName: text("client_contact_name").notNull(),
    clientContactPhone: text("client_contact_phone").notNull(),
    state: text("state", { enum: ["submitted", "stage1_passed", "completed", "rejected"] })
      .notNull()
      .default("submitted"),
    submittedAt: timestamp("submitted_at").notNull(),
    // R2.3: both stages done; the QM-participant window counts from this date.
    completedAt: timestamp("completed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("qm_submissions_partner_id_idx").on(t.partnerId),
    index("qm_submissions_project_id_idx").on(t.projectId),
  ],
);

/** R5.5b: the fixed questionnaire (data). */
export const qmQuestions = sqliteTable("qm_questions", {
  id: id(),
  position: integer("position").notNull(),
  textRu: text("text_ru").notNull(),
  textEn: text("text_en").notNull(),
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
  (t) => [index("qm_call_ratings_submission_id_idx").on(t.submissionId)],
);
