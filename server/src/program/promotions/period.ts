// R7.2: a promotion is shown for its own period, but at most six months from its start.
import { addDays, type CivilDate } from "@partner-trust/rules";

export const MAX_PROMOTION_MONTHS = 6;

/** `day` plus whole months; a day past the target month's end is its last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(day: CivilDate, months: number): CivilDate {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10) as CivilDate;
}

/** The last day a promotion is shown: its end, or the day before six months from its start, if earlier. */
export function shownUntil(startsOn: CivilDate, endsOn: CivilDate): CivilDate {
  const cap = addDays(addMonths(startsOn, MAX_PROMOTION_MONTHS), -1);
  return endsOn < cap ? endsOn : cap;
}
