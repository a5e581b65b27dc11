import { describe, expect, it } from "vitest";
import * as rules from "./index.ts";

describe("public API", () => {
  it("exposes what the server calls for the daily recompute and on events", () => {
    for (const name of [
      "nextStatus",
      "conditionsOn",
      "evaluatePartner",
      "forecastPartner",
      "moscowDay",
      "pointsForEdition",
      "jointShare",
      "keysToRevoke",
      "discountPercent",
      "simulate",
      "defaultCatalogue",
    ]) {
      expect(rules, name).toHaveProperty(name);
    }
  });

  it("R5.6, R3.2: the daily recompute from SQL aggregates is one nextStatus call", () => {
    const stored = { status: "certified" as const, since: "2025-02-01", until: "2026-02-01" };
    const today = rules.moscowDay(new Date("2026-01-31T21:00:00Z")); // 00:00 MSK on 1 Feb 2026
    const { state, change } = rules.nextStatus(
      stored,
      {
        activePoints: 40,
        certificates: { "admin-basic": 1, developer: 1 },
        qmParticipant: false,
        terminated: false,
      },
      today,
      rules.defaultCatalogue.requirements,
    );
    expect(today).toBe("2026-02-01");
    expect(state).toEqual({ status: "business", since: "2026-02-01", until: null });
    expect(change).toEqual({ from: "certified", to: "business", reason: "dropped" });
  });
});
