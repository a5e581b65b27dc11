// Checks a parsed scenario against its own catalogue and dates, and turns its events into facts.
import { defaultCatalogue } from "../catalogue/default.ts";
import { defaultEditions } from "../catalogue/editions.ts";
import type { Catalogue, Edition } from "../catalogue/types.ts";
import type { CivilDate } from "../dates/civil-date.ts";
import type { CompetencyDecision, CreditedProject, EmployeeEvent, PartnerFacts } from "../partner/facts.ts";
import type { Accrual } from "../points/active-points.ts";
import { jointShare, pointsForPrice } from "../points/main-points.ts";
import { ScenarioError } from "./scenario-error.ts";
import type { Scenario, ScenarioEvent } from "./schema.ts";

export function scenarioCatalogue(scenario: Scenario): Catalogue {
  const editions: Record<string, Edition> = scenario.catalogue
    ? Object.fromEntries(
        Object.entries(scenario.catalogue.editions).map(([id, priceRub]) => {
          const known = Object.hasOwn(defaultEditions, id) ? defaultEditions[id] : undefined;
          return [id, { id, name: known?.name ?? id, priceRub, sites: known?.sites ?? 1 }];
        }),
      )
    : { ...defaultEditions };
  const requirements = scenario.requirements
    ? { certified: scenario.requirements.certified ?? {}, gold: scenario.requirements.gold ?? {} }
    : defaultCatalogue.requirements;
  return { ...defaultCatalogue, editions, requirements };
}

/** Events sorted stably by date, each with its index in the file (for messages). */
export function sortedEvents(events: readonly ScenarioEvent[]): { index: number; event: ScenarioEvent }[] {
  return events
    .map((event, index) => ({ index, event }))
    .sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : a.index - b.index));
}

export function scenarioFacts(scenario: Scenario, catalogue: Catalogue): PartnerFacts {
  const approvedOn = scenario.partner.approvedOn;
  const problems: string[] = [];
  const accruals: Accrual[] = [];
  const qmCompletions: CivilDate[] = [];
  const employeeEvents: EmployeeEvent[] = [];
  const creditedProjects: CreditedProject[] = [];
  const competencyDecisions: CompetencyDecision[] = [];
  const attached = new Set<string>();
  const competencyIds = new Set(catalogue.competencies.map((c) => c.id));
  let terminatedOn: CivilDate | null = null;

  const editionPoints = (index: number, id: string): number | undefined => {
    const edition = Object.hasOwn(catalogue.editions, id) ? catalogue.editions[id] : undefined;
    if (edition) return pointsForPrice(edition.priceRub);
    const known = Object.keys(catalogue.editions).join(", ");
    problems.push(`events[${index}].edition: unknown edition "${id}" (the catalogue has: ${known})`);
    return undefined;
  };

  for (const { index, event } of sortedEvents(scenario.events ?? [])) {
    const on = event.on;
    if (on < approvedOn) {
      problems.push(`events[${index}].on: ${on} is before partner.approvedOn ${approvedOn}`);
      continue;
    }
    // Anything after the termination (by date, or listed after it on the same day) is refused.
    if (terminatedOn !== null) {
      problems.push(`events[${index}].on: ${on} comes after the partner was terminated on ${terminatedOn}`);
      continue;
    }
    switch (event.type) {
      case "purchase": {
        // R5.2: purchases are credited automatically at the end-user price.
        const points =
          event.edition !== undefined
            ? editionPoints(index, event.edition)
            : pointsForPrice(event.priceRub ?? 0);
        if (points !== undefined) accruals.push({ on, points });
        break;
      }
      case "project-credited": {
        const points = editionPoints(index, event.edition);
        if (points === undefined) break;
        // R5.4d: split only when both partners named each other (that is what `joint` states).
        accruals.push({ on, points: event.joint ? jointShare(points, event.joint.contractHolder) : points });
        creditedProjects.push({
          on,
          edition: event.edition,
          ...(event.projectType ? { projectType: event.projectType } : {}),
        });
        break;
      }
      case "qm-completed": {
        // R5.5b–c: QM earns the license's point cost, in addition to the project's own points.
        const points = editionPoints(index, event.edition);
        if (points === undefined) break;
        accruals.push({ on, points });
        qmCompletions.push(on);
        break;
      }
      case "additional-points": // R5.3
        accruals.push({ on, points: event.points });
        break;
      case "certificate":
        attached.add(event.employee);
        employeeEvents.push({ on, type: "certificate", employee: event.employee, course: event.course });
        break;
      case "employee-detached":
        if (!attached.delete(event.employee)) {
          problems.push(`events[${index}].employee: "${event.employee}" is not attached on ${on}`);
          break;
        }
        employeeEvents.push({ on, type: "detached", employee: event.employee });
        break;
      case "competency-granted":
      case "competency-revoked":
        if (!competencyIds.has(event.competency)) {
          problems.push(
            `events[${index}].competency: unknown competency "${event.competency}" (known: ${[...competencyIds].join(", ")})`,
          );
          break;
        }
        competencyDecisions.push({
          on,
          competency: event.competency,
          granted: event.type === "competency-granted",
          reason: event.reason,
        });
        break;
      case "terminated":
        terminatedOn = on;
        break;
    }
  }
  scenario.ask.forEach((day, index) => {
    if (day < approvedOn) problems.push(`ask[${index}]: ${day} is before partner.approvedOn ${approvedOn}`);
  });
  if (problems.length > 0) throw new ScenarioError(problems);
  return {
    approvedOn,
    accruals,
    qmCompletions,
    employeeEvents,
    creditedProjects,
    competencyDecisions,
    terminatedOn,
  };
}
