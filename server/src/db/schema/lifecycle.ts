// R1.2c, R1.5: the partner's electronic contract and its terminations (the partnership's start and end).
import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

/** R1.2c: the electronic cooperation contract concluded on approval — a dated, numbered record. */
export const contracts = sqliteTable(
  "contracts",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    number: text("number").notNull(),
    kind: text("kind", { enum: ["electronic"] })
      .notNull()
      .default("electronic"),
    /** The Moscow civil date the contract was concluded, 'YYYY-MM-DD'. */
    concludedOn: text("concluded_on").notNull(),
    concludedAt: timestamp("concluded_at").notNull(),
    /** The application it was concluded on (R1.2). */
    applicationId: text("application_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("contracts_number_idx").on(t.number),
    index("contracts_partner_id_idx").on(t.partnerId),
  ],
);

export const terminationInitiators = ["partner", "vendor", "agreement"] as const;
export type TerminationInitiator = (typeof terminationInitiators)[number];

/**
 * R1.5a–c: a termination, scheduled for a Moscow civil date. Rows are never deleted: a cancelled one
 * stays readable. While one is scheduled, `partners.terminated_at` holds 00:00 MSK of its date.
 */
export const terminations = sqliteTable(
  "terminations",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    initiator: text("initiator", { enum: terminationInitiators }).notNull(),
    /** The day the partnership ends, 'YYYY-MM-DD' (Moscow). */
    on: text("on").notNull(),
    /** R1.5b: the day the notice was given (Moscow). */
    noticeOn: text("notice_on").notNull(),
    reason: text("reason"),
    requestedBy: text("requested_by").notNull(),
    requestedAt: timestamp("requested_at").notNull(),
    state: text("state", { enum: ["scheduled", "cancelled"] })
      .notNull()
      .default("scheduled"),
    cancelledBy: text("cancelled_by"),
    cancelledAt: timestamp("cancelled_at"),
    cancelReason: text("cancel_reason"),
    createdAt: createdAt(),
  },
  (t) => [index("terminations_partner_id_idx").on(t.partnerId), index("terminations_on_idx").on(t.on)],
);
