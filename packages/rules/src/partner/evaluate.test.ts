import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalogue } from "../catalogue/default.ts";
import type { Catalogue } from "../catalogue/types.ts";
import { addDays } from "../dates/civil-date.ts";
import { RulesError } from "../errors.ts";
import { initialStatus, nextStatus } from "../status/next-status.ts";
import { statusRank } from "../status/types.ts";
import { arbitraryDay, arbitraryFacts, certs, facts, simpleRequirements } from "../test-support.ts";
import { conditionsOn } from "./conditions.ts";
import { evaluatePartner } from "./evaluate.ts";

const catalogue: Catalogue = { ...defaultCatalogue, requirements: simpleRequirements };
const team = certs("2025-01-20", [
  ["ann", "c1"],
  ["bob", "c1"],
  ["bob", "c2"],
]);

describe("evaluatePartner", () => {
  it("R2.1: a new partner is Business from its approval date", () => {
    const state = evaluatePartner(facts("2025-01-10"), "2025-01-10", catalogue);
    expect(state.state).toEqual({ status: "business", since: "2025-01-10", until: null });
    expect(() => evaluatePartner(facts("2025-01-10"), "2025-01-09", catalogue)).toThrow(RulesError);
  });

  it("R2.2, R3.2b, R5.6: Certified on the day it is met; dropped on the anniversary once points expired", () => {
    const f = facts("2025-01-10", { employeeEvents: team, accruals: [{ on: "2025-02-01", points: 110 }] });
    expect(evaluatePartner(f, "2025-01-31", catalogue).state.status).toBe("business");
    expect(evaluatePartner(f, "2025-02-01", catalogue).state).toEqual({
      status: "certified",
      since: "2025-02-01",
      until: "2026-02-01",
    });
    // Points expire on 2026-02-01, the anniversary itself: not confirmed.
    const after = evaluatePartner(f, "2026-02-01", catalogue);
    expect(after.state).toEqual({ status: "business", since: "2026-02-01", until: null });
    expect(after.changes.map((c) => c.reason)).toEqual(["upgrade", "dropped"]);
  });

  it("R3.2b: confirmed on the anniversary by fresh points, renewed with the grant date kept", () => {
    const f = facts("2025-01-10", {
      employeeEvents: team,
      accruals: [
        { on: "2025-02-01", points: 110 },
        { on: "2026-01-15", points: 100 },
      ],
    });
    expect(evaluatePartner(f, "2026-06-01", catalogue).state).toEqual({
      status: "certified",
      since: "2025-02-01",
      until: "2027-02-01",
    });
  });

  it("R3.2a: a Gold partner keeps Gold through the term after its employee leaves, then drops", () => {
    const f = facts("2025-01-10", {
      employeeEvents: [...team, { on: "2025-05-01", type: "detached", employee: "bob" }],
      accruals: [{ on: "2025-03-01", points: 600 }],
      qmCompletions: ["2025-03-01"],
    });
    expect(evaluatePartner(f, "2025-03-01", catalogue).state.status).toBe("gold");
    expect(evaluatePartner(f, "2026-02-28", catalogue).state.status).toBe("gold");
    // On 2026-03-01 the points and QM have lapsed and bob is gone: Business (c1 has only ann → not even Certified points).
    expect(evaluatePartner(f, "2026-03-01", catalogue).state).toEqual({
      status: "business",
      since: "2026-03-01",
      until: null,
    });
  });

  it("R4E decision: a re-attached employee counts again with all earlier certificates", () => {
    const f = facts("2025-01-10", {
      employeeEvents: [
        ...certs("2025-01-20", [["bob", "c1"]]),
        { on: "2025-02-01", type: "detached", employee: "bob" },
        ...certs("2025-03-01", [["bob", "c9"]]),
      ],
      accruals: [{ on: "2025-02-10", points: 100 }],
    });
    expect(evaluatePartner(f, "2025-02-15", catalogue).certificates).toEqual({});
    expect(evaluatePartner(f, "2025-02-15", catalogue).state.status).toBe("business");
    const back = evaluatePartner(f, "2025-03-01", catalogue);
    expect(back.certificates).toEqual({ c1: 1, c9: 1 });
    expect(back.state.status).toBe("certified");
  });

  it("R1.5c: termination makes the partner none, with no competencies nor QM seal", () => {
    const f = facts("2025-01-10", {
      employeeEvents: team,
      accruals: [{ on: "2025-02-01", points: 600 }],
      qmCompletions: ["2025-02-01"],
      terminatedOn: "2025-06-01",
    });
    const ended = evaluatePartner(f, "2025-06-01", catalogue);
    expect(ended.state).toEqual({ status: "none", since: "2025-06-01", until: null });
    expect(ended.competencies).toEqual([]);
    expect(ended.qmParticipant).toBe(false);
    expect(evaluatePartner(f, "2027-01-01", catalogue).state.status).toBe("none");
  });

  it("R2.5/R3.2: replay equals applying nextStatus every day from approval (property)", () => {
    fc.assert(
      fc.property(arbitraryFacts, fc.integer({ min: 0, max: 1200 }), (f, n) => {
        const on = addDays(f.approvedOn, n);
        let state = initialStatus(f.approvedOn);
        for (let day = f.approvedOn; day <= on; day = addDays(day, 1)) {
          state = nextStatus(state, conditionsOn(f, day), day, simpleRequirements).state;
        }
        expect(evaluatePartner(f, on, catalogue).state).toEqual(state);
      }),
      { numRuns: 60 },
    );
  });

  it("R2.5: adding an accrual never lowers the status the same day (property)", () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryDay, fc.integer({ min: 1, max: 300 }), (f, on, points) => {
        const before = evaluatePartner(f, on, catalogue).state.status;
        const more = { ...f, accruals: [...f.accruals, { on, points }] };
        const after = evaluatePartner(more, on, catalogue).state.status;
        expect(statusRank(after)).toBeGreaterThanOrEqual(statusRank(before));
      }),
    );
  });
});
