// Stores a server audit (`source: "server"`) with its findings and evidence in one write batch; when a
// re-audit flags the site, the moderation log entry and the moderators' e-mails go in the same batch.
import { and, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { auditFindings, auditReports, emailOutbox, moderationLog, user } from "../../db/schema/index.ts";
import { type MailText, outboxRow } from "../../mail/partner.ts";
import { normaliseHost } from "../../routes/public-card/card.ts";
import type { AuditReport, Finding } from "./run.ts";

/** The actor of the server's moderation log entries (not a user). */
export const REAUDIT_ACTOR = "system:reaudit";

const outcome = { pass: "pass", fail: "fail", review: "needs_review" } as const;

/** Evidence kept per finding, as the extension's report route bounds it. */
const MAX_EVIDENCE = 100;

export interface ServerReport {
  report: AuditReport;
  partnerId?: string | null;
  projectId?: string | null;
  /** Bilingual, "Сервер: … / Server: …" — the listing shows it as the report's note. */
  note: string;
  now: Date;
  /** A moderator must look (R6.2c): the report's verdict becomes `follow_up`, moderators get `mail` (mail.ts). */
  flag?: { reason: string; mail: MailText } | undefined;
}

const row = (reportId: string, f: Finding, pageUrl: string | null, position: number) => ({
  reportId,
  ruleId: f.rule,
  outcome: outcome[f.verdict],
  evidence: f.evidence.slice(0, MAX_EVIDENCE),
  message: f.message,
  details: f.details ?? null,
  pageUrl,
  position,
});

export async function storeServerReport(db: Db, input: ServerReport): Promise<string> {
  const { report, now, flag } = input;
  const id = crypto.randomUUID();
  const host = normaliseHost(report.url);
  const rows = [
    ...report.findings.map((f, i) => row(id, f, null, i)),
    ...report.pages.flatMap((p, pi) =>
      (p.findings ?? []).map((f, i) => row(id, f, p.url, 1000 + pi * 10 + i)),
    ),
  ];
  const moderators = flag
    ? await db
        .select({ email: user.email })
        .from(user)
        .where(inArray(user.role, ["moderator", "admin"]))
    : [];
  const [first, ...rest] = [
    db.insert(auditReports).values({
      id,
      partnerId: input.partnerId ?? null,
      projectId: input.projectId ?? null,
      url: report.url,
      host,
      source: "server",
      auditorUserId: null,
      verdict: flag ? "follow_up" : null,
      note: input.note,
      createdAt: now,
    }),
    // Chunks keep each statement's parameter count well below SQLite's limit.
    ...chunks(rows, 50).map((c) => db.insert(auditFindings).values(c)),
    ...(flag
      ? [
          db.insert(moderationLog).values({
            actorUserId: REAUDIT_ACTOR,
            at: now,
            action: "audit.needs_review",
            targetType: "audit_report",
            targetId: id,
            reason: flag.reason,
          }),
          ...chunks(moderators, 50).map((c) =>
            db.insert(emailOutbox).values(c.map((m) => outboxRow(m.email, flag.mail, now))),
          ),
        ]
      : []),
  ];
  await db.batch([first, ...rest]);
  return id;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The site's last decisive A1 verdict before `before` (any source: a moderator's extension audit counts), skipping
 * reports where A1 was only "needs review" (an unreachable site, a single page).
 */
export async function lastA1(db: Db, host: string, before: Date): Promise<"pass" | "fail" | undefined> {
  const [last] = await db
    .select({ outcome: auditFindings.outcome })
    .from(auditFindings)
    .innerJoin(auditReports, eq(auditReports.id, auditFindings.reportId))
    .where(
      and(
        eq(auditReports.host, normaliseHost(host)),
        eq(auditFindings.ruleId, "A1"),
        isNull(auditFindings.pageUrl),
        inArray(auditFindings.outcome, ["pass", "fail"]),
        lt(auditReports.createdAt, before),
      ),
    )
    .orderBy(desc(auditReports.createdAt))
    .limit(1);
  return last?.outcome === "pass" ? "pass" : last?.outcome === "fail" ? "fail" : undefined;
}
