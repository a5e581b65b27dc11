// Stores an audit report with its findings and screenshots; lists a site's reports, newest first.
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  auditFindings,
  auditReports,
  auditScreenshots,
  partners,
  projects,
  user,
} from "../../db/schema/index.ts";
import { validationError } from "../../errors/index.ts";
import { normaliseHost } from "../public-card/card.ts";
import type { ReportInput } from "./schemas.ts";

const outcome = { pass: "pass", fail: "fail", review: "needs_review" } as const;
const verdictOf = { pass: "pass", fail: "fail", needs_review: "review" } as const;

/** The report's partner and project: both must exist, and a project belongs to the partner given. */
async function resolveTarget(
  db: Db,
  input: ReportInput,
): Promise<{ partnerId: string | null; projectId: string | null }> {
  let partnerId = input.partnerId ?? null;
  const projectId = input.projectId ?? null;
  if (projectId) {
    const [p] = await db
      .select({ partnerId: projects.partnerId })
      .from(projects)
      .where(eq(projects.id, projectId));
    if (!p) throw validationError([{ path: "projectId", message: "No such project." }]);
    if (partnerId && partnerId !== p.partnerId)
      throw validationError([{ path: "projectId", message: "The project belongs to another partner." }]);
    partnerId = p.partnerId;
  }
  if (partnerId) {
    const [p] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
    if (!p) throw validationError([{ path: "partnerId", message: "No such partner." }]);
  }
  return { partnerId, projectId };
}

export async function storeReport(
  db: Db,
  input: ReportInput,
  auditorUserId: string,
  now: Date,
): Promise<string> {
  const target = await resolveTarget(db, input);
  const id = crypto.randomUUID();
  const findingRows = [
    ...input.findings.map((f, i) => ({ f, pageUrl: null as string | null, position: i })),
    ...(input.pages ?? []).flatMap((p, pi) =>
      p.findings.map((f, i) => ({ f, pageUrl: p.url, position: 1000 + pi * 10 + i })),
    ),
  ].map(({ f, pageUrl, position }) => ({
    reportId: id,
    ruleId: f.rule,
    outcome: outcome[f.verdict],
    evidence: f.evidence,
    message: f.message,
    details: f.details ?? null,
    pageUrl,
    position,
  }));
  const shots = (input.screenshots ?? []).map((s) => {
    const [, mime, data] = /^data:(image\/(?:png|jpeg));base64,(.*)$/.exec(s.dataUrl)!;
    return {
      reportId: id,
      ruleId: s.rule,
      selector: s.selector ?? null,
      pageUrl: s.url,
      mime: mime as "image/png" | "image/jpeg",
      data: data!,
      createdAt: now,
    };
  });
  await db.transaction(async (tx) => {
    await tx.insert(auditReports).values({
      id,
      ...target,
      url: input.url,
      host: normaliseHost(input.url),
      source: "extension",
      auditorUserId,
      verdict: input.verdict,
      note: input.note,
      createdAt: now,
    });
    // Batches keep each statement's parameter count well below SQLite's limit.
    for (let i = 0; i < findingRows.length; i += 50)
      await tx.insert(auditFindings).values(findingRows.slice(i, i + 50));
    for (const s of shots) await tx.insert(auditScreenshots).values(s);
  });
  return id;
}

export async function listReports(db: Db, host: string, limit: number) {
  const reports = await db
    .select({ r: auditReports, name: user.name, email: user.email })
    .from(auditReports)
    .leftJoin(user, eq(user.id, auditReports.auditorUserId))
    .where(eq(auditReports.host, normaliseHost(host)))
    .orderBy(desc(auditReports.createdAt))
    .limit(limit);
  const ids = reports.map((x) => x.r.id);
  if (ids.length === 0) return [];
  const findings = await db
    .select()
    .from(auditFindings)
    .where(and(inArray(auditFindings.reportId, ids), isNull(auditFindings.pageUrl)))
    .orderBy(auditFindings.position);
  const shots = await db
    .select({ reportId: auditScreenshots.reportId, n: count() })
    .from(auditScreenshots)
    .where(inArray(auditScreenshots.reportId, ids))
    .groupBy(auditScreenshots.reportId);
  return reports.map(({ r, name, email }) => {
    const own = findings
      .filter((f) => f.reportId === r.id)
      .map((f) => ({
        rule: f.ruleId,
        verdict: verdictOf[f.outcome],
        message: (f.message as { ru: string; en: string } | null) ?? { ru: "", en: "" },
      }));
    return {
      id: r.id,
      url: r.url,
      host: r.host,
      partnerId: r.partnerId,
      projectId: r.projectId,
      // The extension (a moderator's audit) or the server's daily re-audit.
      source: r.source,
      verdict: r.verdict,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      auditor: { id: r.auditorUserId, name: name ?? null, email: email ?? null },
      summary: {
        pass: own.filter((f) => f.verdict === "pass").length,
        fail: own.filter((f) => f.verdict === "fail").length,
        review: own.filter((f) => f.verdict === "review").length,
      },
      findings: own,
      screenshots: shots.find((s) => s.reportId === r.id)?.n ?? 0,
    };
  });
}
