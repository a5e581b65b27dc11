// R4C.1, R4E decision: which attached employees hold which certificates on a day.
import type { CivilDate } from "../dates/civil-date.ts";
import type { EmployeeEvent } from "./facts.ts";

export type Roster = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Attached employees and their courses on `on`. Certificates belong to the employee: a detached
 * employee stops counting, and one re-attached (a later certificate) counts with all of them again.
 */
export function rosterOn(events: readonly EmployeeEvent[], on: CivilDate): Roster {
  const courses = new Map<string, Set<string>>();
  const attached = new Set<string>();
  for (const event of stableByDate(events)) {
    if (event.on > on) break;
    if (event.type === "detached") {
      attached.delete(event.employee);
      continue;
    }
    attached.add(event.employee);
    const held = courses.get(event.employee) ?? new Set<string>();
    held.add(event.course);
    courses.set(event.employee, held);
  }
  const roster = new Map<string, ReadonlySet<string>>();
  for (const employee of attached) roster.set(employee, courses.get(employee) ?? new Set());
  return roster;
}

/** Per course, how many attached employees hold it (the R2.2/R2.3 input). */
export function certificateCounts(roster: Roster): Record<string, number> {
  const counts = new Map<string, number>();
  for (const held of roster.values()) {
    for (const course of held) counts.set(course, (counts.get(course) ?? 0) + 1);
  }
  return Object.fromEntries(counts); // own properties even for ids like "__proto__"
}

/** Attached employees holding at least one of `courses`. */
export function employeesCertifiedIn(roster: Roster, courses: readonly string[]): number {
  let count = 0;
  for (const held of roster.values()) if (courses.some((course) => held.has(course))) count++;
  return count;
}

function stableByDate(events: readonly EmployeeEvent[]): readonly EmployeeEvent[] {
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.on < events[i - 1]!.on)
      return [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  }
  return events;
}
