// Test-only builders and fast-check arbitraries shared by the rules' tests (not exported by index.ts).
import fc from "fast-check";
import type { StatusRequirements } from "./catalogue/types.ts";
import { addDays, type CivilDate } from "./dates/civil-date.ts";
import { type EmployeeEvent, emptyFacts, type PartnerFacts } from "./partner/facts.ts";

export const simpleRequirements: StatusRequirements = { certified: { c1: 1 }, gold: { c1: 2, c2: 1 } };

export function facts(approvedOn: CivilDate, extra: Partial<PartnerFacts> = {}): PartnerFacts {
  return { ...emptyFacts(approvedOn), ...extra };
}

export function certs(on: CivilDate, list: readonly [employee: string, course: string][]): EmployeeEvent[] {
  return list.map(([employee, course]) => ({ on, type: "certificate", employee, course }));
}

const START = "2024-01-01";
const day = fc.integer({ min: 0, max: 1000 }).map((n) => addDays(START, n));

export const arbitraryFacts: fc.Arbitrary<PartnerFacts> = fc
  .record({
    accruals: fc.array(fc.record({ on: day, points: fc.integer({ min: 0, max: 250 }) }), { maxLength: 25 }),
    qmCompletions: fc.array(day, { maxLength: 4 }),
    employeeEvents: fc.array(
      fc.oneof(
        fc.record({
          on: day,
          type: fc.constant("certificate" as const),
          employee: fc.constantFrom("e1", "e2", "e3"),
          course: fc.constantFrom("c1", "c2"),
        }),
        fc.record({
          on: day,
          type: fc.constant("detached" as const),
          employee: fc.constantFrom("e1", "e2", "e3"),
        }),
      ),
      { maxLength: 10 },
    ),
    terminatedOn: fc.option(day, { freq: 6 }),
  })
  .map((r) =>
    facts(START, {
      ...r,
      employeeEvents: [...r.employeeEvents].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
    }),
  );

export const arbitraryDay = day;
