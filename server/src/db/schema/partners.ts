// Partners (R1, R2), their card versions (R1.4c) and registered domains (W1).
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";

/** The rules engine's `Status`: `none` = no longer a partner (R1.5c). */
export const partnerStatuses = ["business", "certified", "gold", "none"] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

export const partners = sqliteTable(
  "partners",
  {
    id: id(),
    name: text("name").notNull(),
    legalKind: text("legal_kind", { enum: ["legal_entity", "sole_proprietor", "individual"] }).notNull(),
    city: text("city").notNull(),
    approvedAt: timestamp("approved_at").notNull(),
    // The rules engine's StatusState (R2, R3.2), Moscow civil dates 'YYYY-MM-DD': the grant date of the
    // current term and the next anniversary (null for business and none). Written only by program/status.
    status: text("status", { enum: partnerStatuses }).notNull().default("business"),
    statusSince: text("status_since").notNull(),
    statusUntil: text("status_until"),
    // R1.3: paper contract received.
    paperContractAt: timestamp("paper_contract_at"),
    // R1.2c: electronic contract concluded on approval.
    contractAt: timestamp("contract_at"),
    // R1.5: termination.
    terminationNoticeAt: timestamp("termination_notice_at"),
    // R1.5: when the partnership ends — 00:00 MSK of the termination day; from that day the status is none.
    terminatedAt: timestamp("terminated_at"),
    /** R6.3a: the Bitrix24 portal host of the last APPROVED card version (written on approval). */
    bitrix24Portal: text("bitrix24_portal"),
    createdAt: createdAt(),
  },
  (t) => [index("partners_city_idx").on(t.city), index("partners_status_idx").on(t.status)],
);

/** R1.4c: every card change is a new version; versions are never deleted. */
export const cardVersions = sqliteTable(
  "card_versions",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    version: integer("version").notNull(),
    state: text("state", { enum: ["pending", "approved", "rejected", "superseded"] }).notNull(),
    name: text("name").notNull(),
    description: text("description"),
    /** R1.4a: the uploaded logo (a row of card_logos); versions share a logo until a new one is uploaded. */
    logoId: text("logo_id").references(() => cardLogos.id),
    /** R1.4a: phones in E.164 (Russian numbers, libphonenumber-js), e-mails, office addresses. */
    phones: text("phones", { mode: "json" }).$type<string[]>().notNull().default([]),
    emails: text("emails", { mode: "json" }).$type<string[]>().notNull().default([]),
    addresses: text("addresses", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** R6.3a: the partner's Bitrix24 portal host (e.g. company.bitrix24.ru). */
    bitrix24Portal: text("bitrix24_portal"),
    /** R7.1a: where leads are mailed (else the first public e-mail). */
    leadsEmail: text("leads_email"),
    city: text("city").notNull(),
    website: text("website"),
    publishOnSite: integer("publish_on_site", { mode: "boolean" }).notNull().default(false),
    // LEGACY single values from before the lists: write the lists instead. Start-up moves them into the
    // lists (program/cards/migrate.ts); readers use `contactLists()`, which also reads a value written since.
    // An external logo URL is not a logo the card holds: R1.4a needs an uploaded one.
    logoUrl: text("logo_url"),
    phone: text("phone"),
    email: text("email"),
    address: text("address"),
    submittedBy: text("submitted_by"),
    submittedAt: timestamp("submitted_at").notNull(),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at"),
    reviewNote: text("review_note"),
  },
  (t) => [
    uniqueIndex("card_versions_partner_id_version_idx").on(t.partnerId, t.version),
    index("card_versions_state_idx").on(t.state),
  ],
);

/**
 * R1.4a: uploaded card logos — PNG, JPEG or WebP (SVG refused: it can carry scripts), ≤ 1 MB, type from the
 * magic bytes, dimensions bounded. Kept in the database so every instance on a shared libSQL server serves it.
 */
export const cardLogos = sqliteTable(
  "card_logos",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    contentType: text("content_type", { enum: ["image/png", "image/jpeg", "image/webp"] }).notNull(),
    bytes: blob("bytes", { mode: "buffer" }).notNull(),
    size: integer("size").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** Hex SHA-256 of the bytes: the public logo's ETag. */
    sha256: text("sha256").notNull(),
    uploadedBy: text("uploaded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("card_logos_partner_id_idx").on(t.partnerId)],
);

/**
 * W1: the domains a partner's badge may be shown on (only `verified` ones count). A host is unique per
 * partner; the demo seed registers `localhost` for several demo partners (demo-only), so it is not unique
 * across partners — verification decides who may show a badge there.
 */
export const registeredDomains = sqliteTable(
  "registered_domains",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    host: text("host").notNull(),
    verification: text("verification", { enum: ["pending", "verified", "failed"] })
      .notNull()
      .default("pending"),
    verificationToken: text("verification_token"),
    verifiedAt: timestamp("verified_at"),
    /** Removed by the partner: kept (nothing is deleted), `failed` so no badge binds to it; re-adding revives it. */
    removedAt: timestamp("removed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("registered_domains_partner_id_idx").on(t.partnerId),
    uniqueIndex("registered_domains_partner_id_host_idx").on(t.partnerId, t.host),
    index("registered_domains_host_idx").on(t.host),
  ],
);

/** R1.2: application forms (Анкета). */
export const applications = sqliteTable(
  "applications",
  {
    id: id(),
    userId: text("user_id").notNull(),
    companyName: text("company_name").notNull(),
    /** R1.2a: INN, checksum-validated; 10 digits (legal entity) or 12. */
    inn: text("inn").notNull().default(""),
    legalKind: text("legal_kind", { enum: ["legal_entity", "sole_proprietor", "individual"] }).notNull(),
    city: text("city").notNull(),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    contactEmail: text("contact_email").notNull(),
    website: text("website"),
    activity: text("activity").notNull(),
    personalDataConsent: integer("personal_data_consent", { mode: "boolean" }).notNull(),
    state: text("state", { enum: ["submitted", "needs_info", "approved", "rejected"] })
      .notNull()
      .default("submitted"),
    moderatorNote: text("moderator_note"),
    partnerId: text("partner_id").references(() => partners.id),
    submittedAt: timestamp("submitted_at").notNull(),
    decidedAt: timestamp("decided_at"),
  },
  (t) => [
    index("applications_state_idx").on(t.state),
    index("applications_user_id_idx").on(t.userId),
    index("applications_inn_idx").on(t.inn),
  ],
);
