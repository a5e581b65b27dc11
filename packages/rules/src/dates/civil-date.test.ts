import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RulesError } from "../errors.ts";
import {
  addDays,
  addYears,
  compareDates,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  moscowDay,
  parseCivilDate,
  toDayNumber,
} from "./civil-date.ts";

describe("civil dates", () => {
  it("accepts real dates and rejects impossible or sloppy ones", () => {
    expect(parseCivilDate("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2025-02-30", "2025-2-1", "2023-02-29", "2025-13-01", "2025-00-10", "25-01-01", ""]) {
      expect(() => parseCivilDate(bad), bad).toThrow(RulesError);
    }
    expect(() => parseCivilDate("2025-02-30")).toThrow(/not a real calendar date/);
  });

  it("maps day numbers both ways", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("2000-03-01")).toBe(11017);
    expect(fromDayNumber(-1)).toBe("1969-12-31");
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => toDayNumber(fromDayNumber(n)) === n),
    );
  });

  it("adds days across month, year and leap boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("R3.2a/R5.6: one year after 29 Feb is 28 Feb; other dates keep their day", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2025-03-31", 1)).toBe("2026-03-31");
  });

  it("orders ISO strings as dates and knows the weekday", () => {
    expect(compareDates("2025-01-02", "2025-01-10")).toBe(-1);
    expect(compareDates("2025-01-10", "2025-01-10")).toBe(0);
    expect(dayOfWeek("2025-11-24")).toBe(0); // Monday
    expect(dayOfWeek("2025-11-23")).toBe(6); // Sunday
  });

  it("R5.6: the Moscow day is UTC+3 without DST", () => {
    expect(moscowDay(new Date("2025-03-31T20:59:59Z"))).toBe("2025-03-31");
    expect(moscowDay(new Date("2025-03-31T21:00:00Z"))).toBe("2025-04-01");
    expect(moscowDay(new Date("2025-07-15T21:00:00Z"))).toBe("2025-07-16");
    expect(() => moscowDay(new Date("nope"))).toThrow(RulesError);
  });
});
