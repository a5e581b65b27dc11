// Civil dates ("YYYY-MM-DD") as integer day numbers: validation, arithmetic, comparison.
import { RulesError } from "../errors.ts";

/** A calendar date without time zone, e.g. "2025-02-28". Always valid when typed as such. */
export type CivilDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Validates "YYYY-MM-DD" strictly (zero-padded, real day); throws RulesError("invalid-date"). */
export function parseCivilDate(text: string): CivilDate {
  const match = ISO_DATE.exec(text);
  if (!match) throw new RulesError("invalid-date", `"${text}" is not a date in the form YYYY-MM-DD`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RulesError("invalid-date", `"${text}" is not a real calendar date`);
  }
  return text;
}

export function isCivilDate(text: string): boolean {
  try {
    parseCivilDate(text);
    return true;
  } catch {
    return false;
  }
}

// Days since 1970-01-01 (proleptic Gregorian), the "days from civil" algorithm: pure integers.
export function toDayNumber(date: CivilDate): number {
  const [y, m, d] = split(date);
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return format(y, m, d);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Same month and day `years` later; 29 Feb lands on 28 Feb in a common year (R3.2a, R5.6). */
export function addYears(date: CivilDate, years: number): CivilDate {
  const [y, m, d] = split(date);
  const year = y + years;
  return format(year, m, Math.min(d, daysInMonth(year, m)));
}

/** Same day `months` later; a day the target month lacks falls on its last day (31 Jan → 28/29 Feb, R1.5b). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [y, m, d] = split(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Fixed-width ISO strings order like the dates they name. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: CivilDate, b: CivilDate): CivilDate {
  return a <= b ? a : b;
}

export function maxDate(a: CivilDate, b: CivilDate): CivilDate {
  return a >= b ? a : b;
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
export function dayOfWeek(date: CivilDate): number {
  return (((toDayNumber(date) + 3) % 7) + 7) % 7;
}

const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

/** The Moscow calendar day of an instant: UTC+3 all year, no DST (R5.6). */
export function moscowDay(instant: Date): CivilDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RulesError("invalid-date", "moscowDay got an invalid Date");
  return fromDayNumber(Math.floor((ms + MOSCOW_OFFSET_MS) / 86_400_000));
}

function split(date: CivilDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function format(y: number, m: number, d: number): CivilDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
