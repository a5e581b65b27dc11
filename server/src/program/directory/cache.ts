// R2.7: the ranked directory, shared by the API and the pages. Ranking runs the engine for every published
// partner, so the list is kept per database handle and brought up to date on the next read:
// - a partner announced by partnerChanged (status writes — every accrual, certificate and QM goes through
//   applyStatus —, card approvals, domains, terminations) is ranked again alone;
// - "all" (the daily recompute), a new Moscow day (points expire, scheduled terminations start) or an age of
//   MAX_AGE_MS (writes by another server instance on the same libSQL database announce nothing here) rank
//   everyone again.
// Reads and updates go one after another, so a read never sees a half-updated list. A full ranking takes
// seconds for 16,000 partners: it is started ahead (warmDirectory) at the server's start and when "all" is
// announced, so the first reader after the daily recompute does not wait for it.
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { onPartnerChanged } from "../status/events.ts";
import { compareRank, type DirectoryEntry, rankPublishedPartners } from "./list.ts";

export const MAX_AGE_MS = 10 * 60_000;

type State = {
  /** Moscow day and instant of the last full ranking; "" = never ranked or "all" announced. */
  day: string;
  rankedAt: number;
  entries: Map<string, DirectoryEntry>;
  sorted: DirectoryEntry[];
  dirty: Set<string>;
  queue: Promise<unknown>;
  /** The clock of the last read (the warm-up on "all" ranks by it). */
  clock: Clock | undefined;
};

const states = new WeakMap<Db, State>();

function stateOf(db: Db): State {
  const st = states.get(db);
  if (st) return st;
  const fresh: State = {
    day: "",
    rankedAt: 0,
    entries: new Map(),
    sorted: [],
    dirty: new Set(),
    queue: Promise.resolve(),
    clock: undefined,
  };
  onPartnerChanged(db, (ids) => {
    if (ids === "all") {
      fresh.day = "";
      if (fresh.clock) void warmDirectory(db, fresh.clock);
    } else for (const id of ids) fresh.dirty.add(id);
  });
  states.set(db, fresh);
  return fresh;
}

async function bringUpToDate(db: Db, st: State, clock: Clock): Promise<void> {
  const now = clock.now();
  const day = moscowDay(now);
  if (st.day !== day || now.getTime() - st.rankedAt >= MAX_AGE_MS) {
    // Changes announced from here on are read by this ranking or refreshed after it: only earlier ones are done.
    const covered = [...st.dirty];
    st.day = day;
    st.rankedAt = now.getTime();
    let ranked: DirectoryEntry[];
    try {
      ranked = await rankPublishedPartners(db, { clock });
    } catch (err) {
      st.day = "";
      throw err;
    }
    for (const id of covered) st.dirty.delete(id);
    st.entries = new Map(ranked.map((e) => [e.id, e]));
    st.sorted = ranked;
    return;
  }
  if (st.dirty.size === 0) return;
  const ids = [...st.dirty];
  st.dirty.clear();
  try {
    const fresh = new Map((await rankPublishedPartners(db, { clock }, ids)).map((e) => [e.id, e]));
    for (const id of ids) {
      const entry = fresh.get(id);
      if (entry) st.entries.set(id, entry);
      else st.entries.delete(id); // unpublished, terminated or no longer approved
    }
  } catch (err) {
    for (const id of ids) st.dirty.add(id);
    throw err;
  }
  st.sorted = [...st.entries.values()].sort(compareRank);
}

export async function publishedPartners(db: Db, { clock }: { clock: Clock }): Promise<DirectoryEntry[]> {
  const st = stateOf(db);
  st.clock = clock;
  const step = st.queue.then(() => bringUpToDate(db, st, clock));
  st.queue = step.catch(() => {});
  await step;
  return st.sorted;
}

/** Ranks ahead of the next reader (in the background: a failure is the next read's to report). */
export function warmDirectory(db: Db, clock: Clock): Promise<void> {
  return publishedPartners(db, { clock }).then(
    () => {},
    () => {},
  );
}
