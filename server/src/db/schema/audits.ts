// A1–A7: audit reports (the moderator's verdict on a site), their findings and screenshots; W1: badge
// placements seen on sites.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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

/** R2.8: where a partner's widgets were seen — one row per partner, host, widget and Moscow day. */
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
    // Moscow civil day 'YYYY-MM-DD'; requests = status requests counted that day (batched writes).
    day: text("day").notNull().default(""),
    requests: integer("requests").notNull().default(0),
    firstSeenAt: timestamp("first_seen_at").notNull(),
    lastSeenAt: timestamp("last_seen_at").notNull(),
  },
  (t) => [
    index("badge_placements_partner_id_idx").on(t.partnerId),
    index("badge_placements_host_idx").on(t.host),
    uniqueIndex("badge_placements_partner_id_host_widget_day_idx").on(t.partnerId, t.host, t.widget, t.day),
    index("badge_placements_verified_day_idx").on(t.verified, t.day),
  ],
);

/** W4, R6.2c: the footer check a page's `<pt-powered-by mode="check">` reported — once per page and day. */
export const footerChecks = sqliteTable(
  "footer_checks",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    host: text("host").notNull(),
    // origin + path (no query, no fragment)
    page: text("page").notNull(),
    day: text("day").notNull(),
    compliant: integer("compliant", { mode: "boolean" }).notNull(),
    problems: text("problems", { mode: "json" }).$type<string[]>().notNull(),
    reportedAt: timestamp("reported_at").notNull(),
  },
  (t) => [
    uniqueIndex("footer_checks_partner_id_page_day_idx").on(t.partnerId, t.page, t.day),
    index("footer_checks_partner_id_day_idx").on(t.partnerId, t.day),
  ],
);
