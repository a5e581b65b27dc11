// Checks facts handed to the engine: real dates, whole non-negative points, nothing before approval.
import { parseCivilDate } from "../dates/civil-date.ts";
import { RulesError } from "../errors.ts";
import type { PartnerFacts } from "./facts.ts";

/** Throws RulesError("invalid-facts") naming the first bad fact; the engine never guesses. */
export function validateFacts(facts: PartnerFacts): void {
  const date = (where: string, value: string): void => {
    try {
      parseCivilDate(value);
    } catch {
      throw new RulesError("invalid-facts", `${where}: "${value}" is not a date in the form YYYY-MM-DD`);
    }
    if (value < facts.approvedOn) {
      throw new RulesError(
        "invalid-facts",
        `${where}: ${value} is before the approval on ${facts.approvedOn}`,
      );
    }
  };
  date("approvedOn", facts.approvedOn);
  facts.accruals.forEach((a, i) => {
    date(`accruals[${i}].on`, a.on);
    if (!Number.isInteger(a.points) || a.points < 0) {
      throw new RulesError("invalid-facts", `accruals[${i}].points: ${a.points} is not a whole number ≥ 0`);
    }
  });
  for (const [i, d] of facts.qmCompletions.entries()) date(`qmCompletions[${i}]`, d);
  for (const [i, e] of facts.employeeEvents.entries()) date(`employeeEvents[${i}].on`, e.on);
  for (const [i, p] of facts.creditedProjects.entries()) date(`creditedProjects[${i}].on`, p.on);
  for (const [i, d] of facts.competencyDecisions.entries()) date(`competencyDecisions[${i}].on`, d.on);
  if (facts.terminatedOn !== null) date("terminatedOn", facts.terminatedOn);
}
