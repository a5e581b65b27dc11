// R5.6 active points: an accrual counts for one year from its Moscow day.
import { addDays, addYears, type CivilDate } from "../dates/civil-date.ts";

export type Accrual = { on: CivilDate; points: number };

/** R5.6: the first day an accrual no longer counts; it counts on D … expiry−1 (29 Feb → 28 Feb). */
export function expiryOf(accruedOn: CivilDate): CivilDate {
  return addYears(accruedOn, 1);
}

/**
 * R5.6: the first accrual day still active on `on`, so the active days are activeFrom(on) … on — the
 * range a SQL `day BETWEEN ? AND ?` needs. Usually the day after one year back, but on 28 Feb of a
 * common year the 29 Feb of the year before has just expired (its expiry is that 28 Feb).
 */
export function activeFrom(on: CivilDate): CivilDate {
  let from = addDays(addYears(on, -1), 1);
  while (expiryOf(from) <= on) from = addDays(from, 1);
  return from;
}

export function isActiveOn(accrual: Accrual, on: CivilDate): boolean {
  return accrual.on <= on && on < expiryOf(accrual.on);
}

/** R5.6: sum of accruals active on `on`; never negative (negative amounts are not points). */
export function activePoints(accruals: readonly Accrual[], on: CivilDate): number {
  let total = 0;
  for (const accrual of accruals) {
    if (accrual.points > 0 && isActiveOn(accrual, on)) total += accrual.points;
  }
  return total;
}
