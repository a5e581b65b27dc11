// The engine's PartnerFacts for one partner (or many at once), read from the stored facts: the input of evaluatePartner
// and forecastPartner (cabinet, seed replay, and the tests that hold the SQL path to the engine).
import type { CompetencyDecision, CreditedProject, EmployeeEvent, PartnerFacts } from "@partner-trust/rules";
import { type AnyColumn, and, eq, isNotNull, sql } from "drizzle-orm";
import { moscowDay } from "../../clock.ts";
import type { Writer } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { inScope, type PartnerScope } from "./conditions.ts";

const dayOf = (at: Date) => moscowDay(at);
const later = (a: string, b: string) => (a > b ? a : b);

/** null when there is no such partner. */
export async function loadPartnerFacts(db: Writer, partnerId: string): Promise<PartnerFacts | null> {
  return (await loadFactsOf(db, [partnerId])).get(partnerId) ?? null;
}

/**
 * The facts of every partner in `scope`, six queries whatever its size (the directory ranks everyone at once);
 * partners that don't exist are absent from the map.
 */
export async function loadFactsOf(db: Writer, scope: PartnerScope): Promise<Map<string, PartnerFacts>> {
  const of = (column: AnyColumn) => inScope(sql`${column}`, scope);
  const partnerRows = await db
    .select({ id: s.partners.id, approvedAt: s.partners.approvedAt, terminatedAt: s.partners.terminatedAt })
    .from(s.partners)
    .where(of(s.partners.id));

  const accruals = await db
    .select({ partnerId: s.pointAccruals.partnerId, on: s.pointAccruals.day, points: s.pointAccruals.points })
    .from(s.pointAccruals)
    .where(of(s.pointAccruals.partnerId));

  const qm = await db
    .select({ partnerId: s.qmSubmissions.partnerId, at: s.qmSubmissions.completedAt })
    .from(s.qmSubmissions)
    .where(
      and(
        of(s.qmSubmissions.partnerId),
        eq(s.qmSubmissions.state, "completed"),
        isNotNull(s.qmSubmissions.completedAt),
      ),
    );

  const certs = await db
    .select({
      partnerId: s.employeeLinks.partnerId,
      userId: s.employeeLinks.userId,
      invitation: s.employeeLinks.invitation,
      acceptedAt: s.employeeLinks.respondedAt,
      invitedAt: s.employeeLinks.invitedAt,
      detachedAt: s.employeeLinks.detachedAt,
      course: s.courses.code,
      issuedAt: s.certificates.issuedAt,
    })
    .from(s.employeeLinks)
    .innerJoin(s.certificates, eq(s.certificates.userId, s.employeeLinks.userId))
    .innerJoin(s.courses, eq(s.courses.id, s.certificates.courseId))
    .where(of(s.employeeLinks.partnerId));

  const projects = await db
    .select({
      partnerId: s.projects.partnerId,
      at: s.projects.creditedAt,
      edition: s.editions.code,
      composite: s.projects.composite,
    })
    .from(s.projects)
    .leftJoin(s.editions, eq(s.editions.id, s.projects.editionId))
    .where(and(of(s.projects.partnerId), eq(s.projects.state, "credited")));

  const overrides = await db
    .select({
      partnerId: s.partnerCompetencies.partnerId,
      competency: s.competencies.code,
      override: s.partnerCompetencies.override,
      reason: s.partnerCompetencies.overrideReason,
      since: s.partnerCompetencies.since,
      updatedAt: s.partnerCompetencies.updatedAt,
    })
    .from(s.partnerCompetencies)
    .innerJoin(s.competencies, eq(s.competencies.id, s.partnerCompetencies.competencyId))
    .where(and(of(s.partnerCompetencies.partnerId), isNotNull(s.partnerCompetencies.override)));

  const out = new Map<string, PartnerFacts>();
  for (const p of partnerRows) {
    out.set(p.id, {
      approvedOn: dayOf(p.approvedAt),
      accruals: [],
      qmCompletions: [],
      employeeEvents: [],
      creditedProjects: [],
      competencyDecisions: [],
      terminatedOn: p.terminatedAt ? dayOf(p.terminatedAt) : null,
    });
  }
  const factsOf = (partnerId: string) => out.get(partnerId) as Mutable | undefined;
  for (const a of accruals) factsOf(a.partnerId)?.accruals.push({ on: a.on, points: a.points });
  for (const q of qm) factsOf(q.partnerId)?.qmCompletions.push(dayOf(q.at!));
  for (const p of projects) {
    if (p.at === null) continue;
    factsOf(p.partnerId)?.creditedProjects.push({
      on: dayOf(p.at),
      ...(p.edition ? { edition: p.edition } : {}),
      ...(p.composite ? { projectType: "composite" } : {}),
    });
  }
  for (const o of overrides) {
    factsOf(o.partnerId)?.competencyDecisions.push({
      on: dayOf(o.since ?? o.updatedAt),
      competency: o.competency,
      granted: o.override === "grant",
      reason: o.reason ?? "",
    });
  }
  const certsOf = new Map<string, typeof certs>();
  for (const c of certs) certsOf.set(c.partnerId, [...(certsOf.get(c.partnerId) ?? []), c]);
  for (const [partnerId, rows] of certsOf) {
    const facts = factsOf(partnerId);
    if (facts) facts.employeeEvents = employeeEvents(rows);
  }
  return out;
}

type Mutable = {
  accruals: PartnerFacts["accruals"][number][];
  qmCompletions: string[];
  creditedProjects: CreditedProject[];
  competencyDecisions: CompetencyDecision[];
  employeeEvents: EmployeeEvent[];
};

type CertRow = {
  userId: string;
  invitation: string;
  acceptedAt: Date | null;
  invitedAt: Date;
  detachedAt: Date | null;
  course: string;
  issuedAt: Date;
};

/**
 * R4C.1: a certificate counts from the later of its issue and the link's acceptance; a detached employee's
 * certificates counted until the detachment. Pending and declined links never count.
 */
function employeeEvents(certs: readonly CertRow[]): EmployeeEvent[] {
  const events: EmployeeEvent[] = [];
  const detached = new Map<string, string>();
  for (const c of certs) {
    if (c.invitation !== "accepted" && c.invitation !== "detached") continue;
    const on = later(dayOf(c.issuedAt), dayOf(c.acceptedAt ?? c.invitedAt));
    if (c.invitation === "detached") {
      const gone = c.detachedAt ? dayOf(c.detachedAt) : null;
      if (gone === null || on > gone) continue;
      detached.set(c.userId, gone);
    }
    events.push({ on, type: "certificate", employee: c.userId, course: c.course });
  }
  for (const [employee, on] of detached) events.push({ on, type: "detached", employee });
  // By day; on one day the certificates come before the detachment (a stable sort keeps that order).
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return events;
}
