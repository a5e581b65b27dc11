// Status values, their order, and the incremental state the server stores per partner.
import type { CivilDate } from "../dates/civil-date.ts";

/** `none` = no longer a partner (R1.5c); Business is the floor for every active partner (R2.1). */
export type Status = "business" | "certified" | "gold" | "none";

export type StatusState = {
  status: Status;
  /** The grant date of the current term (R2.6). Unchanged on renewal. */
  since: CivilDate;
  /** The next anniversary to confirm on (R3.2b); null for Business and none. */
  until: CivilDate | null;
};

/** What the partner meets on a day: R2.2, R2.3 inputs plus termination (R1.5c). */
export type Conditions = {
  activePoints: number;
  /** Per course: attached employees holding its certificate (R4C.1). */
  certificates: Readonly<Record<string, number>>;
  qmParticipant: boolean;
  terminated: boolean;
};

export type ChangeReason = "upgrade" | "renewed" | "dropped" | "terminated";

export type StatusChange = { from: Status; to: Status; reason: ChangeReason };

const RANK: Record<Status, number> = { none: -1, business: 0, certified: 1, gold: 2 };

export function statusRank(status: Status): number {
  return RANK[status];
}
