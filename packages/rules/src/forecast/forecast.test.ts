import { describe, expect, it } from "vitest";
import { defaultCatalogue } from "../catalogue/default.ts";
import type { Catalogue } from "../catalogue/types.ts";
import { certs, facts, simpleRequirements } from "../test-support.ts";
import { expiringWithin, forecastPartner } from "./forecast.ts";

const catalogue: Catalogue = { ...defaultCatalogue, requirements: simpleRequirements };
const team = certs("2025-01-20", [
  ["ann", "c1"],
  ["bob", "c1"],
]);

describe("forecast", () => {
  it("R5.6: points expiring within 90 days, grouped by the first day they no longer count", () => {
    const f = facts("2025-01-10", {
      accruals: [
        { on: "2025-02-01", points: 6 },
        { on: "2025-02-01", points: 73 },
        { on: "2025-03-15", points: 10 },
        { on: "2025-06-01", points: 18 }, // expires 2026-06-01: beyond 90 days
        { on: "2024-12-01", points: 5 }, // already expired on 2025-12-01
      ],
    });
    expect(expiringWithin(f, "2026-01-15", 90)).toEqual([
      { on: "2026-02-01", points: 79 },
      { on: "2026-03-15", points: 10 },
    ]);
  });

  it("R3.2b: a Certified partner whose points all lapse before the anniversary is at risk on it", () => {
    const f = facts("2025-01-10", {
      employeeEvents: team,
      accruals: [
        { on: "2025-02-01", points: 60 },
        { on: "2025-03-01", points: 60 },
      ],
    });
    const result = forecastPartner(f, "2025-06-01", catalogue);
    expect(result.statusAtRisk).toBe("2026-03-01");
    // The February points expire 2026-02-01, the March ones on the anniversary itself.
    expect(result.keep).toEqual({
      status: "certified",
      points: 100,
      by: "2026-03-01",
      missingCertificates: [],
      qmNeeded: false,
    });
    expect(result.next).toMatchObject({ status: "gold", points: 380, by: "2026-02-01", qmNeeded: true });
    expect(result.next?.missingCertificates).toEqual([{ course: "c2", required: 1, have: 0 }]);
  });

  it("R3.2b: with enough points still active on the anniversary, the risk is the one after", () => {
    const f = facts("2025-01-10", {
      employeeEvents: team,
      accruals: [
        { on: "2025-02-01", points: 100 },
        { on: "2025-12-01", points: 120 },
      ],
    });
    const result = forecastPartner(f, "2026-01-10", catalogue);
    expect(result.keep).toMatchObject({ by: "2026-02-01", points: 0 });
    expect(result.statusAtRisk).toBe("2027-02-01");
    expect(result.expiring).toEqual([{ on: "2026-02-01", points: 100 }]);
  });

  it("R2.2: a Business partner has nothing to keep and a target to reach", () => {
    const f = facts("2025-01-10", { accruals: [{ on: "2025-02-01", points: 73 }] });
    const result = forecastPartner(f, "2025-03-01", catalogue);
    expect(result.statusAtRisk).toBeNull();
    expect(result.keep).toBeNull();
    expect(result.next).toEqual({
      status: "certified",
      points: 27,
      by: "2026-02-01",
      missingCertificates: [{ course: "c1", required: 1, have: 0 }],
      qmNeeded: false,
    });
  });

  it("R1.5c: a terminated partner has no forecast", () => {
    const f = facts("2025-01-10", { terminatedOn: "2025-02-01" });
    expect(forecastPartner(f, "2025-03-01", catalogue)).toEqual({
      expiring: [],
      statusAtRisk: null,
      keep: null,
      next: null,
    });
  });

  it("ignores facts after the forecast date", () => {
    const f = facts("2025-01-10", { accruals: [{ on: "2025-09-01", points: 200 }] });
    expect(forecastPartner(f, "2025-03-01", catalogue).next?.points).toBe(100);
  });
});
