// R1.5b: a partner terminating on its own initiative gives at least one calendar month's notice.
import { addMonths, type CivilDate, parseCivilDate } from "../dates/civil-date.ts";

/** R1.5b decision: the termination date is ≥ the notice date + 1 calendar month. */
export const earliestPartnerTermination = (noticeOn: CivilDate): CivilDate =>
  addMonths(parseCivilDate(noticeOn), 1);
