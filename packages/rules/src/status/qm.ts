// R2.3 decision: a QM participant has a project that completed both QM stages within 12 months.
import type { CivilDate } from "../dates/civil-date.ts";
import { expiryOf } from "../points/active-points.ts";

/** Same window as points (R5.6): a completion on D counts on D … D+1y−1. */
export function isQmParticipant(completions: readonly CivilDate[], on: CivilDate): boolean {
  return completions.some((done) => done <= on && on < expiryOf(done));
}
