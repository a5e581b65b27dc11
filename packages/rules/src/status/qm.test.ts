import { describe, expect, it } from "vitest";
import { isQmParticipant } from "./qm.ts";

describe("QM participation", () => {
  it("R2.3: a QM completion counts for 12 months, like a point (R5.6)", () => {
    expect(isQmParticipant(["2025-04-01"], "2025-03-31")).toBe(false);
    expect(isQmParticipant(["2025-04-01"], "2025-04-01")).toBe(true);
    expect(isQmParticipant(["2025-04-01"], "2026-03-31")).toBe(true);
    expect(isQmParticipant(["2025-04-01"], "2026-04-01")).toBe(false);
    expect(isQmParticipant([], "2026-04-01")).toBe(false);
  });
});
