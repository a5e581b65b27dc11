import type { CivilDate } from "@partner-trust/rules";
import { describe, expect, it } from "vitest";
import { addMonths, shownUntil } from "./period.ts";

const d = (s: string) => s as CivilDate;

describe("R7.2 promotion period", () => {
  it("R7.2: shown for its own period when shorter than six months", () => {
    expect(shownUntil(d("2026-12-01"), d("2027-01-31"))).toBe("2027-01-31");
  });
  it("R7.2: at most six months", () => {
    expect(shownUntil(d("2026-12-01"), d("2027-12-31"))).toBe("2027-05-31");
    expect(shownUntil(d("2026-08-31"), d("2027-12-31"))).toBe("2027-02-27");
    expect(addMonths(d("2027-08-31"), 6)).toBe("2028-02-29");
  });
});
