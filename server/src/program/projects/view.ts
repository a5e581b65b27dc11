// R5.4: a project as the API shows it, and the reads the routes share (editions, the audit evidence, mail recipients).
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { notFound } from "../../errors/index.ts";

export type ProjectRow = typeof s.projects.$inferSelect;

export type Evidence = {
  rule: string;
  verdict: "pass" | "fail" | "review";
  message: unknown;
  evidence: unknown;
  details: unknown;
};

const verdictOf = { pass: "pass", fail: "fail", needs_review: "review" } as const;

/** The findings of the check on adding (A3, A4, A6, A7), per report id. */
export async function evidenceOf(db: Db, reportIds: readonly string[]): Promise<Map<string, Evidence[]>> {
  const out = new Map<string, Evidence[]>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .select()
    .from(s.auditFindings)
    .where(inArray(s.auditFindings.reportId, [...reportIds]))
    .orderBy(s.auditFindings.position);
  for (const r of rows) {
    const list = out.get(r.reportId) ?? [];
    list.push({
      rule: r.ruleId,
      verdict: verdictOf[r.outcome],
      message: r.message,
      evidence: r.evidence,
      details: r.details,
    });
    out.set(r.reportId, list);
  }
  return out;
}

export async function projectOf(db: Db, projectId: string, partnerId?: string): Promise<ProjectRow> {
  const [row] = await db.select().from(s.projects).where(eq(s.projects.id, projectId));
  // Another partner's project is not there for this partner (a co-developer sees it, R5.4d).
  if (!row || (partnerId && row.partnerId !== partnerId && row.coDeveloperId !== partnerId))
    throw notFound("Проект не найден / No such project.");
  return row;
}

/** Edition codes by id (the API speaks codes, rows keep ids). */
export async function editionCodes(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ id: s.editions.id, code: s.editions.code }).from(s.editions);
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** R5.4b: public only once credited and with the client's consent to publication (R5.4g). */
export const isPublished = (p: ProjectRow) => p.state === "credited" && p.publishOnSite;

export function projectView(p: ProjectRow, codes: Map<string, string>) {
  return {
    id: p.id,
    partnerId: p.partnerId,
    host: p.host,
    url: p.url,
    title: p.title,
    editionCode: p.editionId ? (codes.get(p.editionId) ?? null) : null,
    licenseKey: p.licenseKey,
    client: { name: p.clientName, email: p.clientEmail, phone: p.clientPhone },
    licenseOwner: { name: p.licenseOwnerName, inn: p.licenseOwnerInn },
    publishOnSite: p.publishOnSite,
    published: isPublished(p),
    coDeveloperPartnerId: p.coDeveloperId,
    coDeveloperConfirmed: p.coDeveloperConfirmedAt !== null,
    state: p.state,
    /** R5.4a: the card lists projects under "Credited" or "Not credited". */
    listedUnder: p.state === "credited" ? "credited" : "not_credited",
    moderatorNote: p.moderatorNote,
    points: p.points,
    mirrorOf: p.mirrorOfId ? { projectId: p.mirrorOfId, similarity: (p.mirrorSimilarity ?? 0) / 100 } : null,
    auditReportId: p.auditReportId,
    submittedAt: p.submittedAt.toISOString(),
    creditedAt: p.creditedAt?.toISOString() ?? null,
  };
}
