// The partner cabinet's forecast: expiring points, the anniversary at risk, points needed (R5.6, R3.2b).
import { defaultCatalogue } from "../catalogue/default.ts";
import type { Catalogue, CourseRequirement, StatusRequirements } from "../catalogue/types.ts";
import { addDays, type CivilDate } from "../dates/civil-date.ts";
import { conditionsOn } from "../partner/conditions.ts";
import { evaluatePartner } from "../partner/evaluate.ts";
import type { PartnerFacts } from "../partner/facts.ts";
import { expiryOf, isActiveOn } from "../points/active-points.ts";
import { nextStatus } from "../status/next-status.ts";
import { type CourseShortfall, missingCertificates, pointsThreshold } from "../status/requirements.ts";
import { type Status, type StatusState, statusRank } from "../status/types.ts";

export const EXPIRY_HORIZON_DAYS = 90;

/** Points that stop counting on `on` (the first day they no longer count, R5.6). */
export type ExpiringPoints = { on: CivilDate; points: number };

export type Target = {
  status: Status;
  /** Points still to accrue (on or before `by` for keep; now for next) with no other new points. */
  points: number;
  /** keep: the anniversary (inclusive). next: the first day some of today's points expire, or null. */
  by: CivilDate | null;
  missingCertificates: CourseShortfall[];
  qmNeeded: boolean;
};

export type Forecast = {
  expiring: ExpiringPoints[];
  /** The next anniversary on which, with no new facts, the status would not be confirmed; or null. */
  statusAtRisk: CivilDate | null;
  keep: Target | null;
  next: Target | null;
};

export function forecastPartner(
  allFacts: PartnerFacts,
  on: CivilDate,
  catalogue: Catalogue = defaultCatalogue,
  current?: StatusState,
): Forecast {
  const facts = factsUpTo(allFacts, on); // a forecast assumes nothing new happens after `on`
  const state = current ?? evaluatePartner(facts, on, catalogue).state;
  const requirements = catalogue.requirements;
  const today = conditionsOn(facts, on);
  if (state.status === "none") return { expiring: [], statusAtRisk: null, keep: null, next: null };

  const keep: Target | null =
    state.until === null
      ? null
      : (() => {
          const atAnniversary = conditionsOn(facts, state.until);
          return {
            status: state.status,
            points: Math.max(0, pointsThreshold(state.status) - atAnniversary.activePoints),
            by: state.until,
            missingCertificates: missingCertificates(
              tableFor(state.status, requirements),
              today.certificates,
            ),
            qmNeeded: state.status === "gold" && !atAnniversary.qmParticipant,
          };
        })();

  const higher = state.status === "business" ? "certified" : state.status === "certified" ? "gold" : null;
  const next: Target | null =
    higher === null
      ? null
      : {
          status: higher,
          points: Math.max(0, pointsThreshold(higher) - today.activePoints),
          by: firstExpiryAfter(facts, on),
          missingCertificates: missingCertificates(tableFor(higher, requirements), today.certificates),
          qmNeeded: higher === "gold" && !today.qmParticipant,
        };

  return {
    expiring: expiringWithin(facts, on, EXPIRY_HORIZON_DAYS),
    statusAtRisk: atRisk(facts, state, requirements),
    keep,
    next,
  };
}

/** R5.6: active points whose expiry falls in (on, on + days], grouped by expiry date. */
export function expiringWithin(
  facts: Pick<PartnerFacts, "accruals">,
  on: CivilDate,
  days: number,
): ExpiringPoints[] {
  const horizon = addDays(on, days);
  const byDate = new Map<CivilDate, number>();
  for (const accrual of facts.accruals) {
    const expiry = expiryOf(accrual.on);
    if (accrual.points > 0 && isActiveOn(accrual, on) && expiry <= horizon) {
      byDate.set(expiry, (byDate.get(expiry) ?? 0) + accrual.points);
    }
  }
  return [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, points]) => ({ on: date, points }));
}

function atRisk(
  facts: PartnerFacts,
  current: StatusState,
  requirements: StatusRequirements,
): CivilDate | null {
  let state = current;
  // With no new points, everything held today has expired by the second anniversary: two steps suffice.
  for (let i = 0; i < 3 && state.until !== null; i++) {
    const anniversary = state.until;
    const result = nextStatus(state, conditionsOn(facts, anniversary), anniversary, requirements);
    if (statusRank(result.state.status) < statusRank(state.status)) return anniversary;
    state = result.state;
  }
  return null;
}

function firstExpiryAfter(facts: PartnerFacts, on: CivilDate): CivilDate | null {
  let first: CivilDate | null = null;
  for (const accrual of facts.accruals) {
    if (accrual.points <= 0 || !isActiveOn(accrual, on)) continue;
    const expiry = expiryOf(accrual.on);
    if (first === null || expiry < first) first = expiry;
  }
  return first;
}

// Gold is cumulative with Certified (see meets()), so its table is the per-course maximum of both.
function tableFor(status: Status, requirements: StatusRequirements): CourseRequirement {
  if (status === "certified") return requirements.certified;
  if (status !== "gold") return {};
  const merged = new Map(Object.entries(requirements.certified));
  for (const [course, need] of Object.entries(requirements.gold)) {
    merged.set(course, Math.max(merged.get(course) ?? 0, need));
  }
  return Object.fromEntries(merged);
}

function factsUpTo(facts: PartnerFacts, on: CivilDate): PartnerFacts {
  return {
    approvedOn: facts.approvedOn,
    accruals: facts.accruals.filter((a) => a.on <= on),
    qmCompletions: facts.qmCompletions.filter((d) => d <= on),
    employeeEvents: facts.employeeEvents.filter((e) => e.on <= on),
    creditedProjects: facts.creditedProjects.filter((p) => p.on <= on),
    competencyDecisions: facts.competencyDecisions.filter((d) => d.on <= on),
    terminatedOn: facts.terminatedOn !== null && facts.terminatedOn <= on ? facts.terminatedOn : null,
  };
}
