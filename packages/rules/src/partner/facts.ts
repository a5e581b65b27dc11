// The dated facts about one partner that the engine evaluates (what the server stores, as data).
import type { CivilDate } from "../dates/civil-date.ts";
import type { Accrual } from "../points/active-points.ts";

/** Employee events in the order they happened; a certificate implies the employee is attached. */
export type EmployeeEvent =
  | { on: CivilDate; type: "certificate"; employee: string; course: string }
  | { on: CivilDate; type: "detached"; employee: string };

export type CreditedProject = { on: CivilDate; edition?: string; projectType?: string };

/** R4.1: a moderator's manual grant or revoke of a competency, with its reason. */
export type CompetencyDecision = { on: CivilDate; competency: string; granted: boolean; reason: string };

export type PartnerFacts = {
  approvedOn: CivilDate;
  accruals: readonly Accrual[];
  /** Days a project completed both QM stages (R5.5b). */
  qmCompletions: readonly CivilDate[];
  employeeEvents: readonly EmployeeEvent[];
  creditedProjects: readonly CreditedProject[];
  competencyDecisions: readonly CompetencyDecision[];
  terminatedOn: CivilDate | null;
};

export function emptyFacts(approvedOn: CivilDate): PartnerFacts {
  return {
    approvedOn,
    accruals: [],
    qmCompletions: [],
    employeeEvents: [],
    creditedProjects: [],
    competencyDecisions: [],
    terminatedOn: null,
  };
}
