// R1.5b: a partner terminating on its own initiative gives at least one calendar month's notice.
import { addDays, type CivilDate, isCivilDate, parseCivilDate } from "@partner-trust/rules";

/**
 * The same day one calendar month later; a day the next month lacks falls on its last day
 * (31 Jan → 28/29 Feb, 31 Mar → 30 Apr).
 */
export function addOneMonth(day: CivilDate): CivilDate {
  parseCivilDate(day);
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const first = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
  // The month's last day bounds the result: step back from the wanted day until it exists.
  for (let k = d; k > 28; k--) {
    const candidate = `${first.slice(0, 8)}${String(k).padStart(2, "0")}`;
    if (isCivilDate(candidate)) return candidate;
  }
  return addDays(first, Math.min(d, 28) - 1);
}

/** R1.5b decision: the termination date is ≥ the notice date + 1 calendar month. */
export const earliestPartnerTermination = (noticeOn: CivilDate): CivilDate => addOneMonth(noticeOn);
