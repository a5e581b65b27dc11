import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryDay, simpleRequirements } from "../test-support.ts";
import { initialStatus, nextStatus } from "./next-status.ts";
import type { Conditions, StatusState } from "./types.ts";

const certs = { c1: 2, c2: 1 };
const cond = (activePoints: number, more: Partial<Conditions> = {}): Conditions => ({
  activePoints,
  certificates: certs,
  qmParticipant: true,
  terminated: false,
  ...more,
});
const step = (prev: StatusState, conditions: Conditions, on: string) =>
  nextStatus(prev, conditions, on, simpleRequirements);

describe("nextStatus", () => {
  it("R2.5, R3.2a: a higher status is granted at once and starts a one-year term", () => {
    const result = step(initialStatus("2025-01-10"), cond(120), "2025-03-05");
    expect(result.state).toEqual({ status: "certified", since: "2025-03-05", until: "2026-03-05" });
    expect(result.change).toEqual({ from: "business", to: "certified", reason: "upgrade" });
  });

  it("R3.2a: an upgrade mid-term starts a new term from the upgrade day", () => {
    const certified: StatusState = { status: "certified", since: "2025-03-05", until: "2026-03-05" };
    const result = step(certified, cond(520), "2025-09-01");
    expect(result.state).toEqual({ status: "gold", since: "2025-09-01", until: "2026-09-01" });
    expect(result.change?.reason).toBe("upgrade");
  });

  it("R3.2a: a Gold partner whose points drop mid-term keeps Gold until the anniversary", () => {
    const gold: StatusState = { status: "gold", since: "2025-09-01", until: "2026-09-01" };
    const lost = cond(0, { certificates: {}, qmParticipant: false });
    expect(step(gold, lost, "2025-12-01")).toEqual({ state: gold });
    expect(step(gold, lost, "2026-08-31")).toEqual({ state: gold });
  });

  it("R3.2b: on the anniversary an unconfirmed Gold drops to the highest status met that day", () => {
    const gold: StatusState = { status: "gold", since: "2025-09-01", until: "2026-09-01" };
    const toCertified = step(gold, cond(300), "2026-09-01");
    expect(toCertified.state).toEqual({ status: "certified", since: "2026-09-01", until: "2027-09-01" });
    expect(toCertified.change).toEqual({ from: "gold", to: "certified", reason: "dropped" });
    const toBusiness = step(gold, cond(40), "2026-09-01");
    expect(toBusiness.state).toEqual({ status: "business", since: "2026-09-01", until: null });
  });

  it("R3.2b: a confirmed status is renewed for a year from the anniversary; since stays the grant date", () => {
    const certified: StatusState = { status: "certified", since: "2024-02-29", until: "2025-02-28" };
    const result = step(certified, cond(150), "2025-02-28");
    expect(result.state).toEqual({ status: "certified", since: "2024-02-29", until: "2026-02-28" });
    expect(result.change?.reason).toBe("renewed");
  });

  it("R1.5c: termination ends any status at once and for good", () => {
    const gold: StatusState = { status: "gold", since: "2025-09-01", until: "2026-09-01" };
    const ended = step(gold, cond(900, { terminated: true }), "2025-10-01");
    expect(ended.state).toEqual({ status: "none", since: "2025-10-01", until: null });
    expect(ended.change?.reason).toBe("terminated");
    expect(step(ended.state, cond(900), "2025-10-02")).toEqual({ state: ended.state });
  });

  it("refuses an impossible stored state", () => {
    expect(() => step({ status: "gold", since: "2025-01-01", until: null }, cond(0), "2025-02-01")).toThrow(
      /must have an until date/,
    );
    expect(() =>
      step({ status: "business", since: "2025-01-01", until: "2026-01-01" }, cond(0), "2025-02-01"),
    ).toThrow(/must not have an until date/);
  });

  it("R3.2a/R3.2b: nextStatus is idempotent — applying it twice the same day equals once (property)", () => {
    const state = fc.oneof(
      arbitraryDay.map((since): StatusState => ({ status: "business", since, until: null })),
      fc
        .tuple(
          fc.constantFrom("certified" as const, "gold" as const),
          arbitraryDay,
          fc.integer({ min: 1, max: 500 }),
        )
        .map(([status, since, len]): StatusState => ({ status, since, until: addOffset(since, len) })),
      arbitraryDay.map((since): StatusState => ({ status: "none", since, until: null })),
    );
    const conditions = fc.record({
      activePoints: fc.integer({ min: 0, max: 800 }),
      certificates: fc.record({ c1: fc.nat(3), c2: fc.nat(2) }),
      qmParticipant: fc.boolean(),
      terminated: fc.boolean(),
    });
    fc.assert(
      fc.property(state, conditions, arbitraryDay, (prev, c, on) => {
        const once = step(prev, c, on).state;
        const twice = step(once, c, on);
        expect(twice.state).toEqual(once);
        expect(twice.change).toBeUndefined();
      }),
    );
  });
});

function addOffset(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
