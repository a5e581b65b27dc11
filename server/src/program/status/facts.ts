// The engine's PartnerFacts for one partner, read from the stored facts: the input of evaluatePartner
// and forecastPartner (cabinet, seed replay, and the tests that hold the SQL path to the engine).
import type { CompetencyDecision, CreditedProject, EmployeeEvent, PartnerFacts } from "@partner-trust/rules";
import { and, eq, isNotNull } from "drizzle-orm";
import { moscowDay } from "../../clock.ts";
import type { Writer } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";

const dayOf = (at: Date) => moscowDay(at);
const later = (a: string, b: string) => (a > b ? a : b);

/** null when there is no such partner. */
export async function loadPartnerFacts(db: Writer, partnerId: string): Promise<PartnerFacts | null> {
  const [partner] = await db
    .select({ approvedAt: s.partners.approvedAt, terminatedAt: s.partners.terminatedAt })
    .from(s.partners)
    .where(eq(s.partners.id, partnerId));
  if (!partner) return null;

  const accruals = await db
    .select({ on: s.pointAccruals.day, points: s.pointAccruals.points })
    .from(s.pointAccruals)
    .where(eq(s.pointAccruals.partnerId, partnerId));

  const qm = await db
    .select({ at: s.qmSubmissions.completedAt })
    .from(s.qmSubmissions)
    .where(
      and(
        eq(s.qmSubmissions.partnerId, partnerId),
        eq(s.qmSubmissions.state, "completed"),
        isNotNull(s.qmSubmissions.completedAt),
      ),
    );

  // R4C.1: a certificate counts from the later of its issue and the link's acceptance; a detached
  // employee's certificates counted until the detachment. Pending and declined links never count.
  const certs = await db
    .select({
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
    .where(eq(s.employeeLinks.partnerId, partnerId));
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

  const projects = await db
    .select({ at: s.projects.creditedAt, edition: s.editions.code, composite: s.projects.composite })
    .from(s.projects)
    .leftJoin(s.editions, eq(s.editions.id, s.projects.editionId))
    .where(and(eq(s.projects.partnerId, partnerId), eq(s.projects.state, "credited")));
  const creditedProjects: CreditedProject[] = projects
    .filter((p) => p.at !== null)
    .map((p) => ({
      on: dayOf(p.at!),
      ...(p.edition ? { edition: p.edition } : {}),
      ...(p.composite ? { projectType: "composite" } : {}),
    }));

  const overrides = await db
    .select({
      competency: s.competencies.code,
      override: s.partnerCompetencies.override,
      reason: s.partnerCompetencies.overrideReason,
      since: s.partnerCompetencies.since,
      updatedAt: s.partnerCompetencies.updatedAt,
    })
    .from(s.partnerCompetencies)
    .innerJoin(s.competencies, eq(s.competencies.id, s.partnerCompetencies.competencyId))
    .where(and(eq(s.partnerCompetencies.partnerId, partnerId), isNotNull(s.partnerCompetencies.override)));
  const competencyDecisions: CompetencyDecision[] = overrides.map((o) => ({
    on: dayOf(o.since ?? o.updatedAt),
    competency: o.competency,
    granted: o.override === "grant",
    reason: o.reason ?? "",
  }));

  return {
    approvedOn: dayOf(partner.approvedAt),
    accruals,
    qmCompletions: qm.map((q) => dayOf(q.at!)),
    employeeEvents: events,
    creditedProjects,
    competencyDecisions,
    terminatedOn: partner.terminatedAt ? dayOf(partner.terminatedAt) : null,
  };
}
