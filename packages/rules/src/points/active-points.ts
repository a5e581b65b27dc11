// R5.6 active points: an accrual counts for one year from its Moscow day.
import { addYears, type CivilDate } from "../dates/civil-date.ts";

export type Accrual = { on: CivilDate; points: number };

/** R5.6: the first day an accrual no longer counts; it counts on D … expiry−1 (29 Feb → 28 Feb). */
export function expiryOf(accruedOn: CivilDate): CivilDate {
  return addYears(accruedOn, 1);
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
