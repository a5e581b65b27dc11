// R6.2a–c: NFR on request for the partner's own site — the engine's conditions (paper contract, a certified
// employee, Site Management, the integration requirements A1, an original design A5, once only) with the
// site audited by the audit library; an eligible request waits for a moderator.

import {
  type NfrRequestEligibility,
  type NfrRequestFacts,
  nfrRequestEligibility,
  type Roster,
} from "@partner-trust/rules";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import { isUniqueViolation } from "../../db/atomic.ts";
import type { Db, Writer } from "../../db/client.ts";
import {
  cardVersions,
  certificates,
  courses,
  editions,
  employeeLinks,
  nfrLicenses,
  nfrRequests,
  partners,
  registeredDomains,
} from "../../db/schema/index.ts";
import { AppError, conflict, noSuchPartner, validationError } from "../../errors/index.ts";
import { approvedCard, normaliseHost } from "../../routes/public-card/card.ts";
import { loadCatalogue } from "../catalogue/store.ts";
import { type AuditNetwork, auditSite, type Finding } from "../reaudit/run.ts";
import { storeServerReport } from "../reaudit/store.ts";
import { alreadyPending, refuseIfPending } from "./pending.ts";

/** A request's audit reads the site, not the whole crawl the daily re-audit makes. */
export const REQUEST_BOUNDS = { maxPages: 10, maxDepth: 2, timeBudgetMs: 30_000, maxTotalBytes: 10 << 20 };

/** R4C.1: attached employees (accepted links) and the courses they hold certificates of, on `now`. */
async function rosterOf(db: Writer, partnerId: string, now: Date): Promise<Roster> {
  const rows = await db
    .select({ userId: employeeLinks.userId, course: courses.code })
    .from(employeeLinks)
    .innerJoin(certificates, eq(certificates.userId, employeeLinks.userId))
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .where(
      and(
        eq(employeeLinks.partnerId, partnerId),
        eq(employeeLinks.invitation, "accepted"),
        sql`${certificates.issuedAt} <= ${now.getTime()}`,
      ),
    );
  const roster = new Map<string, Set<string>>();
  for (const r of rows) roster.set(r.userId, (roster.get(r.userId) ?? new Set()).add(r.course));
  return roster;
}

/** R6.2a: "once" — a license on request was issued before (whatever became of it). */
async function usedBefore(db: Writer, partnerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: nfrLicenses.id })
    .from(nfrLicenses)
    .where(and(eq(nfrLicenses.partnerId, partnerId), eq(nfrLicenses.kind, "request")))
    .limit(1);
  return row !== undefined;
}

/** R6.2a: the partner's own site — the approved card's website or one of its verified registered domains. */
async function isOwnSite(
  db: Writer,
  partnerId: string,
  host: string,
  website: string | null,
): Promise<boolean> {
  if (website && normaliseHost(website) === host) return true;
  const domains = await db
    .select({ host: registeredDomains.host })
    .from(registeredDomains)
    .where(and(eq(registeredDomains.partnerId, partnerId), eq(registeredDomains.verification, "verified")));
  return domains.some((d) => normaliseHost(d.host) === host);
}

const verdictOf = (findings: readonly Finding[], rule: string) =>
  findings.find((f) => f.rule === rule)?.verdict;

export type OwnSiteRequestResult = {
  requestId: string | null;
  eligibility: NfrRequestEligibility;
  auditReportId: string;
  findings: Finding[];
};

const conditionText: Record<string, string> = {
  "paper-contract": "нет подписанного бумажного договора (R1.3) / no signed paper contract (R1.3)",
  "certified-employee":
    "нет сотрудника, сертифицированного по нужным курсам / no employee certified in the listed courses",
  "site-management":
    "сайт не работает на «1С-Битрикс: Управление сайтом» (A7) / the site does not run Site Management (A7)",
  "integration-audit":
    "на сайте нет требований интеграции R6.2c (A1) / the site lacks the R6.2c integration content (A1)",
  "original-design": "сайт использует стандартный шаблон (A5) / the site uses a standard template (A5)",
  "not-used-before":
    "NFR по заявке уже выдавался (один раз) / an NFR license on request was issued before (once only)",
};

export async function requestOwnSiteNfr(
  db: Db,
  input: { partnerId: string; siteUrl: string; editionCode: string; userId: string },
  deps: { clock: Clock; network?: AuditNetwork | undefined },
): Promise<OwnSiteRequestResult> {
  const [partner] = await db.select().from(partners).where(eq(partners.id, input.partnerId));
  if (!partner) throw noSuchPartner();
  if (partner.status === "none")
    throw conflict("Партнёрство прекращено (R1.5c) / The partnership has ended (R1.5c).");
  const [edition] = await db
    .select()
    .from(editions)
    .where(and(eq(editions.code, input.editionCode), eq(editions.product, "site_management")));
  if (!edition) {
    throw validationError([{ path: "editionCode", message: "Нет такой редакции / No such edition" }]);
  }
  const host = normaliseHost(input.siteUrl);
  const card = await approvedCard(db, input.partnerId);
  const [website] = await db
    .select({ url: cardVersions.website })
    .from(cardVersions)
    .where(and(eq(cardVersions.partnerId, input.partnerId), eq(cardVersions.state, "approved")))
    .orderBy(desc(cardVersions.version))
    .limit(1);
  if (!(await isOwnSite(db, input.partnerId, host, website?.url ?? null))) {
    throw validationError([
      {
        path: "siteUrl",
        message:
          "Это не сайт партнёра: укажите сайт из карточки или подтверждённый домен / Not the partner's own site: use the card's website or a verified domain",
      },
    ]);
  }
  await refuseIfPending(db, input.partnerId, "own_site");

  const checkedAt = deps.clock.now();
  const audit = await auditSite({
    url: input.siteUrl,
    checkedAt,
    card,
    ...(deps.network && { network: deps.network }),
    bounds: REQUEST_BOUNDS,
    unreachableAs: { rule: "A1", verdict: "review" },
  });
  const findings = audit.report.findings;
  const facts: NfrRequestFacts = {
    paperContractOn: partner.paperContractAt ? moscowDay(partner.paperContractAt) : null,
    roster: await rosterOf(db, input.partnerId, checkedAt),
    // R6.2b: a demo install is allowed, so A7 (a vendor product) decides, not A3's key.
    siteOnSiteManagement: verdictOf(findings, "A7") === "pass",
    integrationAuditPassed: verdictOf(findings, "A1") === "pass",
    originalDesign: verdictOf(findings, "A5") === "pass",
    usedBefore: await usedBefore(db, input.partnerId),
  };
  const eligibility = nfrRequestEligibility(facts, (await loadCatalogue(db)).nfrCourses);
  const auditReportId = await storeServerReport(db, {
    report: audit.report,
    partnerId: input.partnerId,
    note: `Сервер, проверка сайта для NFR по заявке (R6.2b–c) / Server check of the site for NFR on request: ${
      eligibility.eligible
        ? "условия выполнены / conditions met"
        : `не выполнено / unmet: ${eligibility.unmet.join(", ")}`
    }`,
    now: checkedAt,
  });
  if (!eligibility.eligible) {
    throw new AppError(
      "validation",
      `Условия NFR по заявке не выполнены (R6.2b) / NFR on request conditions not met (R6.2b); audit report ${auditReportId}`,
      eligibility.unmet.map((c) => ({ path: `conditions.${c}`, message: conditionText[c] ?? c })),
      // The partner sees what the audit found, with its evidence (which page lacks what).
      {
        auditReportId,
        eligibility,
        findings: findings.map((f) => ({
          rule: f.rule,
          verdict: f.verdict,
          message: f.message,
          evidence: f.evidence.slice(0, 20),
        })),
      },
    );
  }
  try {
    const [row] = await db
      .insert(nfrRequests)
      .values({
        partnerId: input.partnerId,
        kind: "own_site",
        editionCode: edition.code,
        siteUrl: input.siteUrl,
        siteHost: host,
        eligibility,
        auditReportId,
        requestedBy: input.userId,
        requestedAt: checkedAt,
        createdAt: checkedAt,
      })
      .returning({ id: nfrRequests.id });
    return { requestId: row!.id, eligibility, auditReportId, findings };
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyPending();
    throw err;
  }
}
