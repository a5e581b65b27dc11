// R5.4: partner projects and their workflow; editions price list (R5.2).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

/** R5.2: editions with end-user price; points = round-half-up(price / 1000). */
export const editions = sqliteTable("editions", {
  id: id(),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  product: text("product", { enum: ["site_management", "bitrix24"] }).notNull(),
  priceRub: integer("price_rub").notNull(),
  sites: integer("sites").notNull().default(1),
  rank: integer("rank").notNull(),
});

/**
 * R5.4a: "draft" = added, awaiting moderation (listed under "Not credited"); "accepted_for_review" = flawed, with
 * the moderator's note, back to "draft" when the partner edits it; "credited" = points given; "rejected" = refused
 * by a moderator (kept, never deleted; its host stays taken, R5.4h). "under_review" is not used by the routes.
 */
export const projectStates = [
  "draft",
  "under_review",
  "accepted_for_review",
  "credited",
  "rejected",
] as const;
export type ProjectState = (typeof projectStates)[number];

export const projects = sqliteTable(
  "projects",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    // R5.4h: normalised host (lower-case, punycode, no www.) is the project's identity.
    host: text("host").notNull().unique(),
    /** The URL the site check audited (R5.4f). */
    url: text("url"),
    title: text("title").notNull(),
    editionId: text("edition_id").references(() => editions.id),
    licenseKey: text("license_key"),
    // R5.4f: the client (who accepted the site) and the license owner's data.
    clientName: text("client_name"),
    clientEmail: text("client_email"),
    clientPhone: text("client_phone"),
    licenseOwnerName: text("license_owner_name"),
    licenseOwnerInn: text("license_owner_inn"),
    state: text("state", { enum: projectStates }).notNull().default("draft"),
    moderatorNote: text("moderator_note"),
    publishOnSite: integer("publish_on_site", { mode: "boolean" }).notNull().default(true),
    // R5.4d: joint development.
    coDeveloperId: text("co_developer_id").references(() => partners.id),
    // R5.4d: the co-developer named this partner back (added the same host naming it): the points split.
    coDeveloperConfirmedAt: timestamp("co_developer_confirmed_at"),
    holdsClientContract: integer("holds_client_contract", { mode: "boolean" }).notNull().default(true),
    composite: integer("composite", { mode: "boolean" }).notNull().default(false),
    submittedAt: timestamp("submitted_at").notNull(),
    submittedBy: text("submitted_by"),
    creditedAt: timestamp("credited_at"),
    /** R5.4h: fixed when credited (this partner's share, R5.4d); editing never changes it. */
    points: integer("points"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at"),
    // A6, R5.4k: the start page's simhash, and the project it probably mirrors (flagged for the moderator).
    fingerprint: text("fingerprint"),
    mirrorOfId: text("mirror_of_id"),
    mirrorSimilarity: integer("mirror_similarity"),
    /** The server audit report of the check on adding (R5.4f). */
    auditReportId: text("audit_report_id"),
    updatedAt: timestamp("updated_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("projects_partner_id_idx").on(t.partnerId),
    index("projects_state_idx").on(t.state),
    index("projects_license_key_idx").on(t.licenseKey),
    index("projects_co_developer_id_idx").on(t.coDeveloperId),
  ],
);
