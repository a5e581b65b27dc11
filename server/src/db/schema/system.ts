// Infrastructure tables: e-mail outbox, moderation log, single-runner leases.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";

/** Every e-mail is written here first; the delivery worker sends it and retries on failure. */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: id(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    state: text("state", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    sentAt: timestamp("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_state_next_attempt_at_idx").on(t.state, t.nextAttemptAt)],
);

/** Who did what to which target, and why. */
export const moderationLog = sqliteTable(
  "moderation_log",
  {
    id: id(),
    actorUserId: text("actor_user_id").notNull(),
    at: timestamp("at").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    reason: text("reason"),
  },
  (t) => [index("moderation_log_at_idx").on(t.at), index("moderation_log_target_id_idx").on(t.targetId)],
);

/** A named lease held by one runner until expires_at (daily recompute, mail delivery). */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at").notNull(),
});
