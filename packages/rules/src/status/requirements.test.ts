import { describe, expect, it } from "vitest";
import { simpleRequirements } from "../test-support.ts";
import { highestMet, meets, missingCertificates } from "./requirements.ts";
import type { Conditions } from "./types.ts";

const base: Conditions = {
  activePoints: 0,
  certificates: { c1: 2, c2: 1 },
  qmParticipant: true,
  terminated: false,
};
const at = (activePoints: number, more: Partial<Conditions> = {}): Conditions => ({
  ...base,
  activePoints,
  ...more,
});

describe("status requirements", () => {
  it("R2.2, R5.1: Certified needs 100 active points — 99 is not enough", () => {
    expect(highestMet(at(99), simpleRequirements)).toBe("business");
    expect(highestMet(at(100), simpleRequirements)).toBe("certified");
  });

  it("R2.3, R5.1: Gold needs 500 active points — 499 is not enough", () => {
    expect(highestMet(at(499), simpleRequirements)).toBe("certified");
    expect(highestMet(at(500), simpleRequirements)).toBe("gold");
  });

  it("R2.2: the required certified employees are needed per course", () => {
    expect(meets("certified", at(150, { certificates: { c2: 3 } }), simpleRequirements)).toBe(false);
    expect(missingCertificates(simpleRequirements.gold, { c1: 1 })).toEqual([
      { course: "c1", required: 2, have: 1 },
      { course: "c2", required: 1, have: 0 },
    ]);
  });

  it("R2.3: Gold needs QM participation, and Certified's table too (cumulative)", () => {
    expect(highestMet(at(600, { qmParticipant: false }), simpleRequirements)).toBe("certified");
    const goldOnlyTable = { certified: { c3: 1 }, gold: { c1: 1 } };
    expect(meets("gold", at(600), goldOnlyTable)).toBe(false);
  });

  it("R2.1, R1.5c: Business needs nothing; a terminated partner meets nothing but none", () => {
    expect(highestMet(at(0, { certificates: {}, qmParticipant: false }), simpleRequirements)).toBe(
      "business",
    );
    expect(highestMet(at(900, { terminated: true }), simpleRequirements)).toBe("none");
  });
});

describe("course ids are data", () => {
  it("R2.2: a course called like an Object property is counted, not looked up on the prototype", () => {
    const table = { certified: { constructor: 1, __proto__: 1 } as Record<string, number>, gold: {} };
    const conditions = at(100, { certificates: {} });
    expect(missingCertificates(table.certified, {}).map((m) => m.course)).toContain("constructor");
    expect(meets("certified", conditions, table)).toBe(false);
  });
});
