// R2.7: the ranked directory, computed once and shared by the API and the pages until something changes.
// Ranking runs the engine for every published partner, so it is cached per database handle and dropped when
// any partner changes (partnerChanged: status writes — every accrual, certificate and QM goes through
// applyStatus —, card approvals, domains, terminations), when the Moscow day turns (points expire, scheduled
// terminations start) and after MAX_AGE_MS at the latest (writes by another server instance on the same
// libSQL database announce nothing here).
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { onPartnerChanged } from "../status/events.ts";
import { type DirectoryEntry, rankPublishedPartners } from "./list.ts";

export const MAX_AGE_MS = 60_000;

type Entry = { day: string; at: number; ranked: Promise<DirectoryEntry[]> };

const cached = new WeakMap<Db, Entry | null>();

export function publishedPartners(db: Db, { clock }: { clock: Clock }): Promise<DirectoryEntry[]> {
  if (!cached.has(db)) onPartnerChanged(db, () => cached.set(db, null));
  const now = clock.now();
  const hit = cached.get(db);
  if (hit && hit.day === moscowDay(now) && now.getTime() - hit.at < MAX_AGE_MS) return hit.ranked;
  // One computation however many requests arrive meanwhile; a failure is not kept.
  const entry: Entry = {
    day: moscowDay(now),
    at: now.getTime(),
    ranked: rankPublishedPartners(db, { clock }),
  };
  cached.set(db, entry);
  entry.ranked.catch(() => {
    if (cached.get(db) === entry) cached.set(db, null);
  });
  return entry.ranked;
}
