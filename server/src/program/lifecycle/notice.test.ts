import { describe, expect, it } from "vitest";
import { addOneMonth, earliestPartnerTermination } from "./notice.ts";

describe("R1.5b: one calendar month's notice", () => {
  it("R1.5b: the same day next month", () => {
    expect(earliestPartnerTermination("2026-11-24")).toBe("2026-12-24");
    expect(addOneMonth("2026-12-15")).toBe("2027-01-15");
  });
  it("R1.5b: a day the next month lacks falls on its last day", () => {
    expect(addOneMonth("2027-01-31")).toBe("2027-02-28");
    expect(addOneMonth("2028-01-31")).toBe("2028-02-29");
    expect(addOneMonth("2028-01-29")).toBe("2028-02-29");
    expect(addOneMonth("2026-03-31")).toBe("2026-04-30");
    expect(addOneMonth("2026-08-31")).toBe("2026-09-30");
  });
  it("R1.5b: a bad date is refused", () => {
    expect(() => addOneMonth("2026-02-30")).toThrow();
  });
});
