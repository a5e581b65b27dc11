// R2, R3.2: status terms and the history of status changes (written by the rules engine).
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partnerStatuses, partners } from "./partners.ts";

/** R3.2a: a granted status with its one-year term. */
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
    outcome: text("outcome", { enum: ["active", "renewed", "dropped", "superseded", "terminated"] })
      .notNull()
      .default("active"),
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
    toStatus: text("to_status", { enum: [...partnerStatuses, "terminated"] }).notNull(),
    reason: text("reason").notNull(),
    changedAt: timestamp("changed_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("status_changes_partner_id_idx").on(t.partnerId)],
);
