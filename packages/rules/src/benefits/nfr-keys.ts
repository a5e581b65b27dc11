// R6.1c, R1.5c: which status NFR keys to revoke when a status changes.
import type { CivilDate } from "../dates/civil-date.ts";
import type { Status } from "../status/types.ts";
import { statusNfrKeys } from "./benefits.ts";

export type NfrKey = { id: string; issuedOn: CivilDate };

/**
 * Keys the new status no longer allows, newest first. Gold → Certified revokes the two newest
 * (R6.1c decision); a drop to Business or termination revokes all. Ties on the date: higher id is newer.
 */
export function keysToRevoke(keys: readonly NfrKey[], to: Status): NfrKey[] {
  const newestFirst = [...keys].sort((a, b) =>
    a.issuedOn !== b.issuedOn ? (a.issuedOn < b.issuedOn ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0,
  );
  const excess = Math.max(0, keys.length - statusNfrKeys(to));
  return newestFirst.slice(0, excess);
}

/** How many more keys to send after an upgrade (R6.1a: 2 on Certified, 2 more on Gold). */
export function keysToIssue(held: number, status: Status): number {
  return Math.max(0, statusNfrKeys(status) - held);
}
