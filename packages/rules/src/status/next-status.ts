// The incremental status transition (R2.5, R3.2a, R3.2b, R1.5c): one step per day, idempotent.
import type { StatusRequirements } from "../catalogue/types.ts";
import { addYears, type CivilDate } from "../dates/civil-date.ts";
import { RulesError } from "../errors.ts";
import { highestMet, meets } from "./requirements.ts";
import { type Conditions, type Status, type StatusChange, type StatusState, statusRank } from "./types.ts";

export type StatusStep = { state: StatusState; change?: StatusChange };

/** R2.1/R1.2c: a newly approved partner is Business from its approval date. */
export function initialStatus(approvedOn: CivilDate): StatusState {
  return { status: "business", since: approvedOn, until: null };
}

/**
 * Applies one day's conditions to the stored state. Run it on every relevant event and in the
 * daily recompute; running it twice on the same day with the same conditions changes nothing.
 */
export function nextStatus(
  prev: StatusState,
  conditions: Conditions,
  on: CivilDate,
  requirements: StatusRequirements,
): StatusStep {
  if ((prev.status === "certified" || prev.status === "gold") !== (prev.until !== null)) {
    throw new RulesError(
      "invalid-facts",
      `a ${prev.status} state must ${prev.until === null ? "have" : "not have"} an until date`,
    );
  }
  // R1.5c: termination is final.
  if (prev.status === "none") return { state: prev };
  if (conditions.terminated) {
    return {
      state: { status: "none", since: on, until: null },
      change: { from: prev.status, to: "none", reason: "terminated" },
    };
  }

  const best = highestMet(conditions, requirements);
  // R2.5, R3.2a: a higher status is granted at once and starts a new one-year term.
  if (statusRank(best) > statusRank(prev.status)) {
    return { state: grant(best, on), change: { from: prev.status, to: best, reason: "upgrade" } };
  }

  // R3.2a: within the term nothing is lowered.
  if (prev.until === null || on < prev.until) return { state: prev };

  // R3.2b: anniversary. Renew from the anniversary (not from `on`) so a late run keeps the cadence.
  if (meets(prev.status, conditions, requirements)) {
    let until = addYears(prev.until, 1);
    while (until <= on) until = addYears(until, 1); // days were skipped: never leave a past anniversary
    return {
      state: { status: prev.status, since: prev.since, until },
      change: { from: prev.status, to: prev.status, reason: "renewed" },
    };
  }
  return { state: grant(best, on), change: { from: prev.status, to: best, reason: "dropped" } };
}

function grant(status: Status, on: CivilDate): StatusState {
  return { status, since: on, until: status === "business" || status === "none" ? null : addYears(on, 1) };
}
