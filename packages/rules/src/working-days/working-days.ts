// Working-day arithmetic for review deadlines (R1.2b, R5.3, R5.4a, R7.3): weekends and holidays off.
import type { WorkCalendar } from "../catalogue/types.ts";
import { addDays, type CivilDate, dayOfWeek } from "../dates/civil-date.ts";
import { RulesError } from "../errors.ts";

export function isWorkingDay(date: CivilDate, calendar: WorkCalendar): boolean {
  if (calendar.holidays.includes(date)) return false;
  if (dayOfWeek(date) >= 5) return calendar.workingWeekends.includes(date);
  return true;
}

/** The n-th working day after `date` (n ≥ 0; n = 0 returns `date`). */
export function addWorkingDays(date: CivilDate, n: number, calendar: WorkCalendar): CivilDate {
  if (!Number.isInteger(n) || n < 0) {
    throw new RulesError("invalid-amount", `working days must be a non-negative integer, got ${n}`);
  }
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

/** Overdue once `today` is past the last allowed working day after submission. */
export function isOverdue(
  submittedOn: CivilDate,
  today: CivilDate,
  workingDays: number,
  calendar: WorkCalendar,
): boolean {
  return today > addWorkingDays(submittedOn, workingDays, calendar);
}
