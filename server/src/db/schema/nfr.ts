// R6: NFR licenses — status keys, on-request key for the partner's own site, Bitrix24 cloud; the requests
// moderators decide (on request, edition downgrade) and the yearly renewal decisions.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

export const nfrLicenses = sqliteTable(
  "nfr_licenses",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    licenseKey: text("license_key").notNull().unique(),
    kind: text("kind", { enum: ["status", "request", "bitrix24"] }).notNull(),
    editionCode: text("edition_code").notNull(),
    // R6.2: the partner's own site for an on-request key.
    siteHost: text("site_host"),
    // R6.3a: the Bitrix24 portal's domain; R6.3c: "company" (NFR) or the free "project" plan after a lapse.
    portalDomain: text("portal_domain"),
    plan: text("plan", { enum: ["company", "project"] }),
    state: text("state", { enum: ["requested", "active", "revoked", "lapsed"] })
      .notNull()
      .default("active"),
    issuedAt: timestamp("issued_at"),
    // R6.1c: the Moscow day a status key was issued; the newest are revoked first.
    issuedOn: text("issued_on"),
    // R6.2d, R6.3c: the current licence year, Moscow days; renewal is decided on valid_until.
    validFrom: text("valid_from"),
    validUntil: text("valid_until"),
    // R6.2d: the annual sales the partner committed to (twice the edition's price).
    salesCommitmentRub: integer("sales_commitment_rub"),
    // The request (nfr_requests) that issued this license.
    requestId: text("request_id"),
    expiresAt: timestamp("expires_at"),
    revokedAt: timestamp("revoked_at"),
    revokeReason: text("revoke_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("nfr_licenses_partner_id_idx").on(t.partnerId),
    index("nfr_licenses_kind_idx").on(t.kind),
    index("nfr_licenses_valid_until_idx").on(t.validUntil),
    // R6.2a: once per partner.
    uniqueIndex("nfr_licenses_once_request_idx").on(t.partnerId).where(sql`kind = 'request'`),
    // R6.3a: a portal is switched to NFR for one partner at a time.
    uniqueIndex("nfr_licenses_live_portal_idx")
      .on(t.portalDomain)
      .where(sql`kind = 'bitrix24' and state = 'active'`),
  ],
);

/** R6.1b (edition downgrade of a status key) and R6.2a–c (NFR on request): requests moderators decide. */
export const nfrRequests = sqliteTable(
  "nfr_requests",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    kind: text("kind", { enum: ["own_site", "downgrade"] }).notNull(),
    state: text("state", { enum: ["pending", "approved", "rejected"] })
      .notNull()
      .default("pending"),
    // The edition asked for: the on-request license's, or the lower one for a downgrade.
    editionCode: text("edition_code").notNull(),
    // R6.1b: the status key to change, and its edition before.
    licenseId: text("license_id"),
    fromEditionCode: text("from_edition_code"),
    // R6.2a: the partner's own site.
    siteUrl: text("site_url"),
    siteHost: text("site_host"),
    // R6.2b: the engine's eligibility when asked ({ eligible, unmet }), and the site audit (A1, A5).
    eligibility: text("eligibility", { mode: "json" }),
    auditReportId: text("audit_report_id"),
    requestedBy: text("requested_by").notNull(),
    requestedAt: timestamp("requested_at").notNull(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at"),
    decisionNote: text("decision_note"),
    // The license issued (own_site) or changed (downgrade) on approval.
    resultLicenseId: text("result_license_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("nfr_requests_partner_id_idx").on(t.partnerId),
    index("nfr_requests_state_idx").on(t.state),
    uniqueIndex("nfr_requests_pending_idx").on(t.partnerId, t.kind).where(sql`state = 'pending'`),
  ],
);

/** R6.2d, R6.3c: one row per licence year decided at its end — the sales counted and the outcome. */
export const nfrRenewals = sqliteTable(
  "nfr_renewals",
  {
    id: id(),
    licenseId: text("license_id")
      .notNull()
      .references(() => nfrLicenses.id),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    periodFrom: text("period_from").notNull(),
    periodUntil: text("period_until").notNull(),
    salesRub: integer("sales_rub").notNull(),
    thresholdRub: integer("threshold_rub").notNull(),
    outcome: text("outcome", { enum: ["renewed", "lapsed", "project-plan", "lost"] }).notNull(),
    decidedAt: timestamp("decided_at").notNull(),
  },
  (t) => [uniqueIndex("nfr_renewals_license_id_period_until_idx").on(t.licenseId, t.periodUntil)],
);
