import { describe, expect, it } from "vitest";
import { addMonths } from "../dates/civil-date.ts";
import { earliestPartnerTermination } from "./termination.ts";

describe("R1.5b: one calendar month's notice", () => {
  it("R1.5b: the same day next month", () => {
    expect(earliestPartnerTermination("2026-11-24")).toBe("2026-12-24");
    expect(earliestPartnerTermination("2026-12-15")).toBe("2027-01-15");
  });
  it("R1.5b: a day the next month lacks falls on its last day", () => {
    expect(earliestPartnerTermination("2027-01-31")).toBe("2027-02-28");
    expect(earliestPartnerTermination("2028-01-31")).toBe("2028-02-29");
    expect(earliestPartnerTermination("2028-01-29")).toBe("2028-02-29");
    expect(earliestPartnerTermination("2026-03-31")).toBe("2026-04-30");
    expect(earliestPartnerTermination("2026-08-31")).toBe("2026-09-30");
  });
  it("R1.5b: a bad date is refused", () => {
    expect(() => earliestPartnerTermination("2026-02-30")).toThrow();
  });
  it("addMonths across years, both ways", () => {
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2027-01-31", -2)).toBe("2026-11-30");
  });
});
