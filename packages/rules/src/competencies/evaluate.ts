// R4.1–R4.2: which competencies a partner holds on a day — conditions as data, manual overrides on top.
import type { CompetencyCondition, CompetencyDefinition } from "../catalogue/types.ts";
import type { CivilDate } from "../dates/civil-date.ts";
import type { CompetencyDecision, CreditedProject } from "../partner/facts.ts";
import { employeesCertifiedIn, type Roster } from "../partner/roster.ts";

export type CompetencyInput = {
  creditedProjects: readonly CreditedProject[];
  roster: Roster;
  qmParticipant: boolean;
  decisions: readonly CompetencyDecision[];
};

export function conditionHolds(
  condition: CompetencyCondition,
  input: CompetencyInput,
  on: CivilDate,
): boolean {
  switch (condition.kind) {
    case "credited-projects": {
      const count = input.creditedProjects.filter(
        (p) =>
          p.on <= on &&
          (condition.projectType === undefined || p.projectType === condition.projectType) &&
          (condition.edition === undefined || p.edition === condition.edition),
      ).length;
      return count >= condition.min;
    }
    case "certified-employees":
      return employeesCertifiedIn(input.roster, condition.courses) >= condition.min;
    case "qm-participant":
      return input.qmParticipant;
  }
}

/**
 * The latest manual decision (on or before `on`) for a competency, if any. A manual grant or revoke
 * overrides the conditions until a later manual decision replaces it (R4.1 decision).
 */
export function manualDecision(
  decisions: readonly CompetencyDecision[],
  competency: string,
  on: CivilDate,
): CompetencyDecision | undefined {
  let latest: CompetencyDecision | undefined;
  for (const decision of decisions) {
    if (decision.competency !== competency || decision.on > on) continue;
    if (latest === undefined || decision.on >= latest.on) latest = decision; // same day: the later one wins
  }
  return latest;
}

/** R4.2: any partner (whatever its status) holds the competencies it meets; ids sorted. */
export function competenciesOn(
  definitions: readonly CompetencyDefinition[],
  input: CompetencyInput,
  on: CivilDate,
): string[] {
  const held: string[] = [];
  for (const definition of definitions) {
    const manual = manualDecision(input.decisions, definition.id, on);
    const holds = manual
      ? manual.granted
      : definition.conditions.every((condition) => conditionHolds(condition, input, on));
    if (holds) held.push(definition.id);
  }
  return held.sort();
}
