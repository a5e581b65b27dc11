import { describe, expect, it } from "vitest";
import { RulesError } from "../errors.ts";
import { rosterOn } from "../partner/roster.ts";
import { certs } from "../test-support.ts";
import { type NfrRequestFacts, nfrRequestEligibility } from "./on-request.ts";
import { bitrix24NfrRenewal, nfrRequestRenewal, nfrSalesCommitmentRub } from "./renewal.ts";

const ready: NfrRequestFacts = {
  paperContractOn: "2025-02-01",
  roster: rosterOn(certs("2025-01-01", [["ann", "developer"]]), "2025-06-01"),
  siteOnSiteManagement: true,
  integrationAuditPassed: true,
  originalDesign: true,
  usedBefore: false,
};

describe("NFR licenses", () => {
  it("R6.2a–b: eligible when every condition holds", () => {
    expect(nfrRequestEligibility(ready, ["developer"])).toEqual({ eligible: true, unmet: [] });
  });

  it("R6.2a–b: lists every unmet condition", () => {
    const result = nfrRequestEligibility(
      { ...ready, paperContractOn: null, roster: new Map(), originalDesign: false, usedBefore: true },
      ["developer"],
    );
    expect(result).toEqual({
      eligible: false,
      unmet: ["paper-contract", "certified-employee", "original-design", "not-used-before"],
    });
    expect(nfrRequestEligibility(ready, ["admin-basic"]).unmet).toEqual(["certified-employee"]);
  });

  it("R6.2d: renewed when the year's sales reach twice the edition price", () => {
    expect(nfrSalesCommitmentRub(72_900)).toBe(145_800);
    expect(nfrRequestRenewal(145_800, nfrSalesCommitmentRub(72_900))).toBe("renewed");
    expect(nfrRequestRenewal(145_799, nfrSalesCommitmentRub(72_900))).toBe("lapsed");
    expect(() => nfrRequestRenewal(-1, 145_800)).toThrow(RulesError);
    expect(() => nfrSalesCommitmentRub(-1)).toThrow(RulesError);
  });

  it("R6.3c: Bitrix24 NFR renewed from 25,000 RUB, else the Project plan; lost on termination", () => {
    expect(bitrix24NfrRenewal(25_000, false)).toBe("renewed");
    expect(bitrix24NfrRenewal(24_999, false)).toBe("project-plan");
    expect(bitrix24NfrRenewal(1_000_000, true)).toBe("lost");
  });
});
