// R2, R3.2: status terms and the history of status changes (written by the rules engine).
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partnerStatuses, partners } from "./partners.ts";

export const termOutcomes = ["active", "renewed", "dropped", "superseded", "terminated"] as const;
export const changeReasons = ["upgrade", "renewed", "dropped", "terminated"] as const;

/** R3.2a: a granted status with its term (starts_on … ends_on, civil dates; business: no end). */
export const statusTerms = sqliteTable(
  "status_terms",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    status: text("status", { enum: partnerStatuses }).notNull(),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on"),
    // How the term ended: renewed (a new term row follows), dropped, superseded (upgrade), terminated.
    outcome: text("outcome", { enum: termOutcomes }).notNull().default("active"),
    createdAt: createdAt(),
  },
  (t) => [index("status_terms_partner_id_idx").on(t.partnerId)],
);

export const statusChanges = sqliteTable(
  "status_changes",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    fromStatus: text("from_status", { enum: partnerStatuses }),
    toStatus: text("to_status", { enum: partnerStatuses }).notNull(),
    reason: text("reason", { enum: changeReasons }).notNull(),
    // The Moscow day the change took effect, and the new state's term.
    on: text("on").notNull(),
    since: text("since").notNull(),
    until: text("until"),
    // When it was written (a replay writes past days' changes now).
    changedAt: timestamp("changed_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("status_changes_partner_id_idx").on(t.partnerId), index("status_changes_on_idx").on(t.on)],
);
