// The status conditions of a partner on a day, derived from its facts.
import type { CivilDate } from "../dates/civil-date.ts";
import { activePoints } from "../points/active-points.ts";
import { isQmParticipant } from "../status/qm.ts";
import type { Conditions } from "../status/types.ts";
import type { PartnerFacts } from "./facts.ts";
import { certificateCounts, rosterOn } from "./roster.ts";

export function conditionsOn(facts: PartnerFacts, on: CivilDate): Conditions {
  return {
    activePoints: activePoints(facts.accruals, on),
    certificates: certificateCounts(rosterOn(facts.employeeEvents, on)),
    qmParticipant: isQmParticipant(facts.qmCompletions, on),
    terminated: facts.terminatedOn !== null && facts.terminatedOn <= on,
  };
}
