// Full replay of a partner's status: walks event days and anniversaries applying nextStatus.
import { defaultCatalogue } from "../catalogue/default.ts";
import type { Catalogue } from "../catalogue/types.ts";
import { competenciesOn } from "../competencies/evaluate.ts";
import type { CivilDate } from "../dates/civil-date.ts";
import { RulesError } from "../errors.ts";
import { initialStatus, nextStatus } from "../status/next-status.ts";
import type { StatusChange, StatusState } from "../status/types.ts";
import { prepareConditions } from "./conditions.ts";
import type { PartnerFacts } from "./facts.ts";
import { rosterOn } from "./roster.ts";
import { validateFacts } from "./validate.ts";

export type DatedStatusChange = StatusChange & { on: CivilDate };

export type PartnerState = {
  on: CivilDate;
  state: StatusState;
  activePoints: number;
  certificates: Record<string, number>;
  qmParticipant: boolean;
  /** R4.1; empty once terminated (R1.5c: no longer a partner). */
  competencies: string[];
  terminated: boolean;
  /** Every status change up to `on`, oldest first. */
  changes: DatedStatusChange[];
};

/**
 * The partner's state on `on` (that day's facts included). Conditions only improve on event days,
 * and only anniversaries can lower a status, so those days are the only ones that need a step.
 */
export function evaluatePartner(
  facts: PartnerFacts,
  on: CivilDate,
  catalogue: Catalogue = defaultCatalogue,
): PartnerState {
  validateFacts(facts);
  if (on < facts.approvedOn) {
    throw new RulesError("invalid-facts", `${on} is before the partner's approval on ${facts.approvedOn}`);
  }
  const requirements = catalogue.requirements;
  const conditionsOn = prepareConditions(facts);
  let state = initialStatus(facts.approvedOn);
  const changes: DatedStatusChange[] = [];
  const step = (day: CivilDate): void => {
    const result = nextStatus(state, conditionsOn(day), day, requirements);
    state = result.state;
    if (result.change) changes.push({ on: day, ...result.change });
  };

  for (const day of eventDays(facts, on)) {
    while (state.until !== null && state.until < day) step(state.until);
    step(day);
  }
  while (state.until !== null && state.until <= on) step(state.until);

  const conditions = conditionsOn(on);
  const roster = rosterOn(facts.employeeEvents, on);
  return {
    on,
    state,
    activePoints: conditions.activePoints,
    certificates: { ...conditions.certificates }, // a copy: the cached counts stay untouched
    qmParticipant: !conditions.terminated && conditions.qmParticipant,
    competencies: conditions.terminated
      ? []
      : competenciesOn(
          catalogue.competencies,
          {
            creditedProjects: facts.creditedProjects,
            roster,
            qmParticipant: conditions.qmParticipant,
            decisions: facts.competencyDecisions,
          },
          on,
        ),
    terminated: conditions.terminated,
    changes,
  };
}

/** Sorted distinct days (approval … on) on which some condition can improve, or termination. */
export function eventDays(facts: PartnerFacts, on: CivilDate): CivilDate[] {
  const days = new Set<CivilDate>();
  for (const accrual of facts.accruals) days.add(accrual.on);
  for (const done of facts.qmCompletions) days.add(done);
  for (const event of facts.employeeEvents) days.add(event.on);
  if (facts.terminatedOn !== null) days.add(facts.terminatedOn);
  return [...days].filter((day) => day >= facts.approvedOn && day <= on).sort();
}
