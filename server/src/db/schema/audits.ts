// A1–A7: audit reports (the moderator's verdict on a site), their findings and screenshots; W1: badge
// placements seen on sites.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";
import { projects } from "./projects.ts";

export const auditVerdicts = ["confirm", "dismiss", "follow_up"] as const;
export type AuditVerdict = (typeof auditVerdicts)[number];

export const auditReports = sqliteTable(
  "audit_reports",
  {
    id: id(),
    partnerId: text("partner_id").references(() => partners.id),
    projectId: text("project_id").references(() => projects.id),
    url: text("url").notNull(),
    // The audited site's host, normalised like project hosts (lower-case, punycode, no www.).
    host: text("host").notNull().default(""),
    source: text("source", { enum: ["extension", "server"] }).notNull(),
    auditorUserId: text("auditor_user_id"),
    verdict: text("verdict", { enum: auditVerdicts }),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_reports_partner_id_idx").on(t.partnerId),
    index("audit_reports_project_id_idx").on(t.projectId),
    index("audit_reports_host_idx").on(t.host, t.createdAt),
  ],
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
    // { ru, en }: the check's message; details: its machine-readable facts.
    message: text("message", { mode: "json" }),
    details: text("details", { mode: "json" }),
    // Set for A1's per-page findings; null for the site-wide finding of a check.
    pageUrl: text("page_url"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("audit_findings_report_id_idx").on(t.reportId)],
);

/** A finding's evidence: an element of the live page, captured and cropped by the extension. */
export const auditScreenshots = sqliteTable(
  "audit_screenshots",
  {
    id: id(),
    reportId: text("report_id")
      .notNull()
      .references(() => auditReports.id),
    ruleId: text("rule_id").notNull(),
    selector: text("selector"),
    pageUrl: text("page_url").notNull(),
    mime: text("mime", { enum: ["image/png", "image/jpeg"] }).notNull(),
    // base64, size-bounded by the route.
    data: text("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_screenshots_report_id_idx").on(t.reportId)],
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
