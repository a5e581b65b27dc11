import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates/civil-date.ts";
import { arbitraryDay } from "../test-support.ts";
import { activeFrom, activePoints, expiryOf, isActiveOn } from "./active-points.ts";

describe("active points", () => {
  it("R5.6: a point accrued on D counts on D and on the last day of its year, not on D+1y", () => {
    const accruals = [{ on: "2025-03-10", points: 6 }];
    expect(activePoints(accruals, "2025-03-09")).toBe(0);
    expect(activePoints(accruals, "2025-03-10")).toBe(6);
    expect(activePoints(accruals, "2026-03-09")).toBe(6);
    expect(activePoints(accruals, "2026-03-10")).toBe(0);
  });

  it("R5.6: a point accrued on 29 Feb 2024 counts until 27 Feb 2025", () => {
    const accruals = [{ on: "2024-02-29", points: 73 }];
    expect(expiryOf("2024-02-29")).toBe("2025-02-28");
    expect(activePoints(accruals, "2025-02-27")).toBe(73);
    expect(activePoints(accruals, "2025-02-28")).toBe(0);
  });

  it("R5.6: sums only what is active that day", () => {
    const accruals = [
      { on: "2024-06-01", points: 50 },
      { on: "2025-01-15", points: 50 },
      { on: "2025-05-01", points: 6 },
    ];
    expect(activePoints(accruals, "2025-05-31")).toBe(106);
    expect(activePoints(accruals, "2025-06-01")).toBe(56);
  });

  it("R5.6: active points are never negative (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ on: arbitraryDay, points: fc.integer({ min: -500, max: 500 }) })),
        arbitraryDay,
        (accruals, on) => activePoints(accruals, on) >= 0 && activePoints(accruals, addDays(on, 400)) >= 0,
      ),
    );
  });

  it("R5.6: activeFrom(on) … on are exactly the accrual days active on `on`, 29 Feb included", () => {
    expect(activeFrom("2025-02-28")).toBe("2024-03-01"); // 29 Feb 2024 expired on 28 Feb 2025
    expect(activeFrom("2025-02-27")).toBe("2024-02-28");
    expect(activeFrom("2024-02-29")).toBe("2023-03-01");
    expect(activeFrom("2025-03-01")).toBe("2024-03-02");
    fc.assert(
      fc.property(arbitraryDay, fc.integer({ min: -400, max: 5 }), (on, offset) => {
        const day = addDays(on, offset);
        const inRange = activeFrom(on) <= day && day <= on;
        expect(inRange).toBe(isActiveOn({ on: day, points: 1 }, on));
      }),
    );
  });
});
