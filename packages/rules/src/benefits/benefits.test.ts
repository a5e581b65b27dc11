import { describe, expect, it } from "vitest";
import { discountPercent, leadAccess, promotionsAllowed, statusNfrKeys } from "./benefits.ts";
import { keysToIssue, keysToRevoke } from "./nfr-keys.ts";

describe("benefits", () => {
  it("R2.4, R1.5c: discount 40/45/50, and 0 once no longer a partner", () => {
    expect([discountPercent("business"), discountPercent("certified"), discountPercent("gold")]).toEqual([
      40, 45, 50,
    ]);
    expect(discountPercent("none")).toBe(0);
  });

  it("R2.4, R6.1a: status NFR keys owed 0/2/4", () => {
    expect(["business", "certified", "gold", "none"].map((s) => statusNfrKeys(s as "gold"))).toEqual([
      0, 2, 4, 0,
    ]);
    expect(keysToIssue(0, "certified")).toBe(2);
    expect(keysToIssue(2, "gold")).toBe(2);
    expect(keysToIssue(4, "gold")).toBe(0);
  });

  it("R6.1c: Gold → Certified revokes the two newest keys", () => {
    const keys = [
      { id: "k1", issuedOn: "2025-02-01" },
      { id: "k4", issuedOn: "2025-09-01" },
      { id: "k2", issuedOn: "2025-02-01" },
      { id: "k3", issuedOn: "2025-09-01" },
    ];
    expect(keysToRevoke(keys, "certified").map((k) => k.id)).toEqual(["k4", "k3"]);
    expect(keysToRevoke(keys, "gold")).toEqual([]);
  });

  it("R6.1c, R1.5c: a drop to Business or termination revokes every key", () => {
    const keys = [
      { id: "k1", issuedOn: "2025-02-01" },
      { id: "k2", issuedOn: "2025-02-01" },
    ];
    expect(keysToRevoke(keys, "business")).toHaveLength(2);
    expect(keysToRevoke(keys, "none")).toHaveLength(2);
  });

  it("R7.1b: Gold gets all leads pushed, Certified its city's, Business browses its city", () => {
    expect(leadAccess("gold", "Москва", "Казань")).toBe("pushed");
    expect(leadAccess("certified", "Москва", " москва ")).toBe("pushed");
    expect(leadAccess("certified", "Москва", "Казань")).toBe("none");
    expect(leadAccess("business", "Королёв", "королев")).toBe("browse");
    expect(leadAccess("business", "Москва", "Казань")).toBe("none");
    expect(leadAccess("none", "Москва", "Москва")).toBe("none");
  });

  it("R7.2: promotions for Certified and Gold only", () => {
    expect([
      promotionsAllowed("business"),
      promotionsAllowed("certified"),
      promotionsAllowed("gold"),
    ]).toEqual([false, true, true]);
    expect(promotionsAllowed("none")).toBe(false);
  });
});
