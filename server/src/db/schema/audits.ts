// A1–A7: audit reports and their findings; W1: badge placements seen on sites.
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

export const auditReports = sqliteTable(
  "audit_reports",
  {
    id: id(),
    partnerId: text("partner_id").references(() => partners.id),
    url: text("url").notNull(),
    source: text("source", { enum: ["extension", "server"] }).notNull(),
    auditorUserId: text("auditor_user_id"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_reports_partner_id_idx").on(t.partnerId)],
);

export const auditFindings = sqliteTable(
  "audit_findings",
  {
    id: id(),
    reportId: text("report_id")
      .notNull()
      .references(() => auditReports.id),
    ruleId: text("rule_id").notNull(),
    outcome: text("outcome", { enum: ["pass", "fail", "needs_review"] }).notNull(),
    evidence: text("evidence", { mode: "json" }).notNull(),
  },
  (t) => [index("audit_findings_report_id_idx").on(t.reportId)],
);

export const badgePlacements = sqliteTable(
  "badge_placements",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    host: text("host").notNull(),
    widget: text("widget", { enum: ["badge", "competencies", "quality_seal", "footer"] }).notNull(),
    verified: text("verified", { enum: ["registered", "unverified"] }).notNull(),
    firstSeenAt: timestamp("first_seen_at").notNull(),
    lastSeenAt: timestamp("last_seen_at").notNull(),
  },
  (t) => [
    index("badge_placements_partner_id_idx").on(t.partnerId),
    index("badge_placements_host_idx").on(t.host),
  ],
);
