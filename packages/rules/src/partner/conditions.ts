// The status conditions of a partner on a day, derived from its facts.
import { type CivilDate, toDayNumber } from "../dates/civil-date.ts";
import { expiryOf } from "../points/active-points.ts";
import type { Conditions } from "../status/types.ts";
import type { PartnerFacts } from "./facts.ts";
import { certificateCounts, rosterOn } from "./roster.ts";

/** Conditions on any day, with expiry dates computed once: a replay asks for many days. */
export type ConditionsAt = (on: CivilDate) => Conditions;

// Day numbers, not strings: integer compares keep a 100-accrual replay well under a millisecond.
type Window = { from: number; until: number; points: number };

export function prepareConditions(facts: PartnerFacts): ConditionsAt {
  // R5.6: an accrual counts on from … until−1; R2.3 decision: a QM completion too.
  const accruals: Window[] = facts.accruals.filter((a) => a.points > 0).map((a) => window(a.on, a.points));
  const qm: Window[] = facts.qmCompletions.map((on) => window(on, 1));
  // The roster only changes on employee-event days: cache it by how many events have happened.
  const employeeDays = facts.employeeEvents.map((e) => e.on).sort();
  const counts = new Map<number, Record<string, number>>();
  const certificatesOn = (on: CivilDate): Record<string, number> => {
    let happened = 0;
    while (happened < employeeDays.length && employeeDays[happened]! <= on) happened++;
    let cached = counts.get(happened);
    if (!cached) {
      cached = certificateCounts(rosterOn(facts.employeeEvents, on));
      counts.set(happened, cached);
    }
    return cached;
  };
  return (on) => {
    const day = toDayNumber(on);
    let activePoints = 0;
    for (const a of accruals) if (a.from <= day && day < a.until) activePoints += a.points;
    return {
      activePoints,
      certificates: certificatesOn(on),
      qmParticipant: qm.some((w) => w.from <= day && day < w.until),
      terminated: facts.terminatedOn !== null && facts.terminatedOn <= on,
    };
  };
}

export function conditionsOn(facts: PartnerFacts, on: CivilDate): Conditions {
  return prepareConditions(facts)(on);
}

function window(on: CivilDate, points: number): Window {
  return { from: toDayNumber(on), until: toDayNumber(expiryOf(on)), points };
}
