// R6: NFR licenses — status keys, on-request key for the partner's own site, Bitrix24 cloud.
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
    state: text("state", { enum: ["requested", "active", "revoked", "lapsed"] })
      .notNull()
      .default("active"),
    issuedAt: timestamp("issued_at"),
    // R6.1c: the Moscow day a status key was issued; the newest are revoked first.
    issuedOn: text("issued_on"),
    expiresAt: timestamp("expires_at"),
    revokedAt: timestamp("revoked_at"),
    revokeReason: text("revoke_reason"),
    createdAt: createdAt(),
  },
  (t) => [index("nfr_licenses_partner_id_idx").on(t.partnerId), index("nfr_licenses_kind_idx").on(t.kind)],
);
