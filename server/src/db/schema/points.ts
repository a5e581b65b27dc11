// R5: point accruals, additional-points requests, purchases.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

export const accrualSources = [
  "purchase",
  "project",
  "qm",
  "marketplace",
  "mobile_app",
  "additional",
  "joint_project",
] as const;

/**
 * R5.6: one row per accrual. `day` is the Moscow civil date 'YYYY-MM-DD' of the accrual; the
 * daily recompute sums points over a one-year window of days, through the covering index.
 */
export const pointAccruals = sqliteTable(
  "point_accruals",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    day: text("day").notNull(),
    points: integer("points").notNull(),
    sourceType: text("source_type", { enum: accrualSources }).notNull(),
    sourceId: text("source_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("point_accruals_partner_id_day_points_idx").on(t.partnerId, t.day, t.points),
    index("point_accruals_source_type_source_id_idx").on(t.sourceType, t.sourceId),
  ],
);

/** R5.3: additional points by request; a moderator sets the amount. */
export const additionalPointsRequests = sqliteTable(
  "additional_points_requests",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    reason: text("reason", {
      enum: ["marketing", "client_review", "client_support", "complex_project", "event"],
    }).notNull(),
    description: text("description").notNull(),
    state: text("state", { enum: ["pending", "approved", "rejected"] })
      .notNull()
      .default("pending"),
    points: integer("points"),
    submittedAt: timestamp("submitted_at").notNull(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at"),
  },
  (t) => [
    index("additional_points_requests_partner_id_idx").on(t.partnerId),
    index("additional_points_requests_state_idx").on(t.state),
  ],
);

/** R5.2: license purchases; credited automatically, exactly once per idempotency key. */
export const purchases = sqliteTable(
  "purchases",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: text("kind", { enum: ["renewal", "upgrade", "extra_site", "extra_users", "license"] }).notNull(),
    editionId: text("edition_id"),
    priceRub: integer("price_rub").notNull(),
    purchasedAt: timestamp("purchased_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("purchases_partner_id_idx").on(t.partnerId)],
);
