// R5.4f–k: adding a project — the host is its identity (R5.4h), the key's site count (R5.4i), the site check at
// once with the audit library (A3, A7; A4 reported; A6 compares with the other projects, R5.4k), then a draft
// in the moderation queue (R5.4a). A co-developer adding the same host naming the adder back confirms the
// joint project (R5.4d) instead of adding it twice.

import { licenseHash } from "@partner-trust/audit/license";
import { canAddProjectOnLicense, pointsForEdition } from "@partner-trust/rules";
import { and, count, eq, isNotNull, ne } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import { isUniqueViolation } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { AppError, conflict, validationError } from "../../errors/index.ts";
import { normaliseHost } from "../../routes/public-card/card.ts";
import { loadCatalogue } from "../catalogue/store.ts";
import { auditProjectSite } from "../reaudit/project.ts";
import type { AuditNetwork, Finding } from "../reaudit/run.ts";

/** The actor of the moderation log entries the server writes itself (the A6 flag). */
export const PROJECTS_ACTOR = "system:projects";

export type NewProject = {
  url: string;
  title: string;
  editionCode: string;
  licenseKey: string;
  client: { name: string; email?: string | undefined; phone?: string | undefined };
  licenseOwner: { name: string; inn?: string | undefined };
  publishOnSite: boolean;
  coDeveloperPartnerId?: string | undefined;
};

export type ProjectDeps = { db: Db; clock: Clock; projectSiteNetwork?: AuditNetwork | undefined };

export type AddedProject = {
  id: string;
  host: string;
  state: (typeof s.projectStates)[number];
  points: number | null;
  /** What crediting would give (R5.2: the edition's point cost), before any R5.4d split. */
  expectedPoints: number;
  evidence: Finding[];
  reportId: string;
  mirrorOf: { projectId: string; host: string; similarity: number } | null;
  /** R5.4d: this request confirmed the co-developer's project rather than adding one. */
  jointConfirmed: boolean;
};

const fieldError = (path: string, message: string) => validationError([{ path, message }]);

/** R5.4f: the evidence goes back with the refusal (422 /problems/site-check-failed). */
function siteCheckFailed(findings: Finding[], reportId: string): AppError {
  const failed = findings.filter((f) => f.verdict === "fail");
  const why = failed.map((f) => `${f.rule}: ${f.message.ru} / ${f.message.en}`).join("; ");
  return new AppError(
    "siteCheckFailed",
    `Проверка сайта не пройдена / The site check failed — ${why}`,
    undefined,
    { evidence: findings, reportId },
  );
}

type MirrorDetails = { similar?: { project: string; url: string; similarity: number }[] };

export async function addProject(
  deps: ProjectDeps,
  partnerId: string,
  userId: string,
  input: NewProject,
): Promise<AddedProject> {
  const { db, clock } = deps;
  const host = normaliseHost(input.url);
  const licenseKey = input.licenseKey.trim();
  const [edition] = await db
    .select()
    .from(s.editions)
    .where(and(eq(s.editions.code, input.editionCode), eq(s.editions.product, "site_management")));
  if (!edition) throw fieldError("editionCode", "Нет такой редакции / No such edition");
  const catalogue = await loadCatalogue(db);
  const expectedPoints = pointsForEdition(catalogue, edition.code);
  const coDeveloper = input.coDeveloperPartnerId;
  if (coDeveloper !== undefined) {
    const [other] = await db
      .select({ id: s.partners.id })
      .from(s.partners)
      .where(eq(s.partners.id, coDeveloper));
    if (!other || coDeveloper === partnerId)
      throw fieldError(
        "coDeveloperPartnerId",
        "Нет такого партнёра-соразработчика / No such co-developer partner",
      );
  }

  // R5.4h: a host is added once, for any partner — except the co-developer naming the adder back (R5.4d).
  const [existing] = await db.select().from(s.projects).where(eq(s.projects.host, host));
  const confirming =
    existing !== undefined &&
    existing.partnerId === coDeveloper &&
    existing.coDeveloperId === partnerId &&
    existing.coDeveloperConfirmedAt === null &&
    existing.licenseKey === licenseKey;
  if (existing && !confirming)
    throw conflict(
      `Проект ${host} уже добавлен, повторно его не добавить (R5.4h) / The project ${host} has already been added (R5.4h).`,
    );

  if (!confirming) {
    // R5.4i: projects on one key ≤ the sites its edition allows (refused ones do not count).
    const [onKey] = await db
      .select({ n: count() })
      .from(s.projects)
      .where(and(eq(s.projects.licenseKey, licenseKey), ne(s.projects.state, "rejected")));
    if (!canAddProjectOnLicense(catalogue, edition.code, onKey?.n ?? 0))
      throw conflict(
        `На ключе уже ${onKey?.n} проект(ов) — столько сайтов позволяет редакция «${edition.title}» (R5.4i) / The key already has ${onKey?.n} project(s), as many sites as the edition allows (R5.4i).`,
      );
  }

  // A6 (R5.4k): the other projects' start-page fingerprints.
  const others = await db
    .select({
      id: s.projects.id,
      url: s.projects.url,
      host: s.projects.host,
      fingerprint: s.projects.fingerprint,
    })
    .from(s.projects)
    .where(isNotNull(s.projects.fingerprint));
  const audit = await auditProjectSite(
    db,
    {
      url: input.url,
      expectedKeyHash: licenseHash(licenseKey),
      partnerId,
      ...(confirming && { projectId: existing.id }),
      fingerprints: others
        .filter((o) => o.id !== existing?.id)
        .map((o) => ({ project: o.id, url: o.url ?? `https://${o.host}/`, fingerprint: o.fingerprint! })),
    },
    { clock, ...(deps.projectSiteNetwork && { network: deps.projectSiteNetwork }) },
  );
  if (!audit.accepted) throw siteCheckFailed(audit.findings, audit.reportId);

  const now = clock.now();
  if (confirming) {
    await db
      .update(s.projects)
      .set({ coDeveloperConfirmedAt: now, updatedAt: now })
      .where(eq(s.projects.id, existing.id));
    return {
      id: existing.id,
      host,
      state: existing.state,
      points: existing.points,
      expectedPoints,
      evidence: audit.findings,
      reportId: audit.reportId,
      mirrorOf: null,
      jointConfirmed: true,
    };
  }

  const a6 = audit.findings.find((f) => f.rule === "A6");
  const fingerprint = (a6?.details as { fingerprint?: string } | undefined)?.fingerprint ?? null;
  const similar = (a6?.details as MirrorDetails | undefined)?.similar?.[0];
  const mirror = similar ? others.find((o) => o.id === similar.project) : undefined;
  const id = crypto.randomUUID();
  try {
    await db.batch([
      db.insert(s.projects).values({
        id,
        partnerId,
        host,
        url: input.url,
        title: input.title,
        editionId: edition.id,
        licenseKey,
        clientName: input.client.name,
        clientEmail: input.client.email ?? null,
        clientPhone: input.client.phone ?? null,
        licenseOwnerName: input.licenseOwner.name,
        licenseOwnerInn: input.licenseOwner.inn ?? null,
        publishOnSite: input.publishOnSite,
        coDeveloperId: coDeveloper ?? null,
        state: "draft",
        submittedAt: now,
        submittedBy: userId,
        fingerprint,
        mirrorOfId: mirror?.id ?? null,
        mirrorSimilarity: similar ? Math.round(similar.similarity * 100) : null,
        auditReportId: audit.reportId,
        createdAt: now,
      }),
      db.update(s.auditReports).set({ projectId: id }).where(eq(s.auditReports.id, audit.reportId)),
      // R5.4k: a probable mirror waits for the moderator, who sees the flag in the queue.
      ...(mirror && similar
        ? [
            db.insert(s.moderationLog).values({
              actorUserId: PROJECTS_ACTOR,
              at: now,
              action: "project.mirror_flag",
              targetType: "project",
              targetId: id,
              reason: `A6: ${host} ≈ ${mirror.host} (${Math.round(similar.similarity * 100)}%)`,
            }),
          ]
        : []),
    ]);
  } catch (err) {
    // Two requests for one host at once: the unique host decides (R5.4h).
    if (isUniqueViolation(err))
      throw conflict(
        `Проект ${host} уже добавлен (R5.4h) / The project ${host} has already been added (R5.4h).`,
      );
    throw err;
  }
  return {
    id,
    host,
    state: "draft",
    points: null,
    expectedPoints,
    evidence: audit.findings,
    reportId: audit.reportId,
    mirrorOf:
      mirror && similar ? { projectId: mirror.id, host: mirror.host, similarity: similar.similarity } : null,
    jointConfirmed: false,
  };
}
