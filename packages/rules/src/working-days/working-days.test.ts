import { describe, expect, it } from "vitest";
import { russianCalendar } from "../catalogue/holidays.ts";
import { RulesError } from "../errors.ts";
import { addWorkingDays, isOverdue, isWorkingDay } from "./working-days.ts";

const plain = { holidays: [], workingWeekends: [] };

describe("working days", () => {
  it("skips weekends", () => {
    expect(addWorkingDays("2025-11-21", 1, plain)).toBe("2025-11-24"); // Friday → Monday
    expect(addWorkingDays("2025-11-24", 0, plain)).toBe("2025-11-24");
    expect(() => addWorkingDays("2025-11-24", -1, plain)).toThrow(RulesError);
  });

  it("R5.4a: skips the New Year holidays (31 Dec 2025 – 11 Jan 2026)", () => {
    expect(isWorkingDay("2026-01-09", russianCalendar)).toBe(false);
    expect(addWorkingDays("2025-12-30", 1, russianCalendar)).toBe("2026-01-12");
    expect(addWorkingDays("2025-12-30", 5, russianCalendar)).toBe("2026-01-16");
  });

  it("counts a weekend the government made a working day (1 Nov 2025)", () => {
    expect(addWorkingDays("2025-10-31", 1, russianCalendar)).toBe("2025-11-01");
    expect(addWorkingDays("2025-10-31", 2, russianCalendar)).toBe("2025-11-05");
  });

  it("R1.2b: an application is overdue after 3 working days, counting over a holiday", () => {
    // Submitted Thursday 7 May 2026: 8 is a working day, 9–11 off (11 May is the Victory Day transfer).
    expect(addWorkingDays("2026-05-07", 3, russianCalendar)).toBe("2026-05-13");
    expect(isOverdue("2026-05-07", "2026-05-13", 3, russianCalendar)).toBe(false);
    expect(isOverdue("2026-05-07", "2026-05-14", 3, russianCalendar)).toBe(true);
  });
});
