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

/**
 * W1: the ES256 keys that sign partner statuses. The private JWK is stored encrypted (AES-256-GCM, key
 * derived from the server secret). `retired_at` set = no longer signs; published in the JWKS until every
 * token it signed has expired (`published_until`).
 */
export const signingKeys = sqliteTable(
  "signing_keys",
  {
    kid: text("kid").primaryKey(),
    publicJwk: text("public_jwk", { mode: "json" }).$type<Record<string, string>>().notNull(),
    privateJwkEncrypted: text("private_jwk_encrypted").notNull(),
    createdAt: timestamp("created_at").notNull(),
    retiredAt: timestamp("retired_at"),
    publishedUntil: timestamp("published_until"),
  },
  (t) => [index("signing_keys_retired_at_idx").on(t.retiredAt)],
);

/**
 * Issue 10: an admin's wording of one e-mail (key of program/mail-templates/catalogue.ts). No row: the module's
 * default text. Edits and resets are logged in moderation_log.
 */
export const mailTemplates = sqliteTable("mail_templates", {
  key: text("key").primaryKey(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  updatedAt: timestamp("updated_at").notNull(),
  updatedBy: text("updated_by").notNull(),
});
