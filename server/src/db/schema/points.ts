// R5: point accruals, additional-points requests and decisions, purchases and their price list.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partnerStatuses, partners } from "./partners.ts";

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

/** R5.3: what an additional-points request is for (R7.4–7.5: events count as marketing activity). */
export const additionalPointsKinds = ["marketing", "review", "support", "complex_project"] as const;

/** R5.3: additional points by request; a moderator decides within 10 working days and sets the amount. */
export const additionalPointsRequests = sqliteTable(
  "additional_points_requests",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    reason: text("reason", { enum: additionalPointsKinds }).notNull(),
    description: text("description").notNull(),
    evidenceUrl: text("evidence_url"),
    requestedBy: text("requested_by"),
    state: text("state", { enum: ["pending", "approved", "rejected"] })
      .notNull()
      .default("pending"),
    points: integer("points"),
    submittedAt: timestamp("submitted_at").notNull(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at"),
    moderatorReason: text("moderator_reason"),
  },
  (t) => [
    index("additional_points_requests_partner_id_idx").on(t.partnerId),
    index("additional_points_requests_state_idx").on(t.state),
  ],
);

/** R5.3: the one decision on a request; the unique request id makes a second (racing) decision fail. */
export const additionalPointsDecisions = sqliteTable(
  "additional_points_decisions",
  {
    id: id(),
    requestId: text("request_id")
      .notNull()
      .references(() => additionalPointsRequests.id),
    approve: integer("approve", { mode: "boolean" }).notNull(),
    points: integer("points").notNull(),
    reason: text("reason").notNull(),
    decidedBy: text("decided_by").notNull(),
    decidedAt: timestamp("decided_at").notNull(),
  },
  (t) => [uniqueIndex("additional_points_decisions_request_id_idx").on(t.requestId)],
);

/** R5.2: what a partner buys for a license: a renewal, an upgrade ("transition"), extra sites, extra portal users. */
export const purchaseKinds = ["renewal", "upgrade", "extra_sites", "extra_users"] as const;
export type PurchaseKind = (typeof purchaseKinds)[number];

/**
 * R5.2: license purchases, credited at once, exactly once per (partner, idempotency key): the unique index and
 * the accrual are written in one batch. `price_rub` is the end-user price (points are counted from it);
 * `paid_rub` is what the partner paid after its status discount (R2.4).
 */
export const purchases = sqliteTable(
  "purchases",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    idempotencyKey: text("idempotency_key").notNull(),
    /** SHA-256 of the canonical request: the same key with another body is refused. */
    requestHash: text("request_hash").notNull().default(""),
    buyerUserId: text("buyer_user_id"),
    kind: text("kind", { enum: purchaseKinds }).notNull(),
    editionId: text("edition_id"),
    targetEditionId: text("target_edition_id"),
    quantity: integer("quantity").notNull().default(1),
    /** The license the purchase is for, as the partner named it. */
    licenseKey: text("license_key"),
    /** A key issued when the purchase creates a license (an upgrade's license of the target edition). */
    issuedLicenseKey: text("issued_license_key").unique(),
    status: text("status", { enum: partnerStatuses }),
    priceRub: integer("price_rub").notNull(),
    discountPercent: integer("discount_percent").notNull().default(0),
    paidRub: integer("paid_rub").notNull().default(0),
    points: integer("points").notNull().default(0),
    purchasedAt: timestamp("purchased_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("purchases_partner_id_idempotency_key_idx").on(t.partnerId, t.idempotencyKey),
    index("purchases_partner_id_purchased_at_idx").on(t.partnerId, t.purchasedAt),
  ],
);

/**
 * R5.2, R2.4: the price list of what is bought for a license (data, admin-editable): per kind and edition, and
 * for an upgrade per target edition ('' otherwise); extra sites and users are priced per unit.
 */
export const purchasePrices = sqliteTable(
  "purchase_prices",
  {
    id: id(),
    kind: text("kind", { enum: purchaseKinds }).notNull(),
    editionCode: text("edition_code").notNull(),
    targetEditionCode: text("target_edition_code").notNull().default(""),
    priceRub: integer("price_rub").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("purchase_prices_kind_edition_code_target_edition_code_idx").on(
      t.kind,
      t.editionCode,
      t.targetEditionCode,
    ),
  ],
);
