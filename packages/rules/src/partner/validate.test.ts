import { describe, expect, it } from "vitest";
import { RulesError } from "../errors.ts";
import { facts } from "../test-support.ts";
import { evaluatePartner } from "./evaluate.ts";
import { validateFacts } from "./validate.ts";

describe("validateFacts", () => {
  it("accepts well-formed facts", () => {
    expect(() =>
      validateFacts(facts("2025-01-10", { accruals: [{ on: "2025-02-01", points: 6 }] })),
    ).not.toThrow();
  });

  it("refuses impossible dates, facts before approval and fractional or negative points", () => {
    const bad = [
      facts("2025-02-30"),
      facts("2025-01-10", { accruals: [{ on: "2025-2-1", points: 6 }] }),
      facts("2025-01-10", { qmCompletions: ["2025-01-09"] }),
      facts("2025-01-10", { accruals: [{ on: "2025-02-01", points: 2.5 }] }),
      facts("2025-01-10", { accruals: [{ on: "2025-02-01", points: -3 }] }),
    ];
    for (const f of bad) expect(() => evaluatePartner(f, "2025-03-01")).toThrow(RulesError);
    expect(() => validateFacts(bad[1]!)).toThrow(/accruals\[0\]\.on: "2025-2-1"/);
  });
});
