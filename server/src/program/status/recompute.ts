// R5.6: the daily recompute at 00:00 MSK — one aggregate query per kind of fact for all partners, the
// engine's nextStatus per partner in memory, and batched writes for the partners whose state changed.

import {
  type Catalogue,
  type ChangeReason,
  type CivilDate,
  nextStatus,
  parseCivilDate,
  type StatusRequirements,
  type StatusState,
} from "@partner-trust/rules";
import { sql } from "drizzle-orm";
import { isRowMoved, runAtomically } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import type { PartnerStatus } from "../../db/schema/index.ts";
import { loadRequirements } from "../catalogue/store.ts";
import {
  activePointsBy,
  certificatesBy,
  dayWindow,
  isTerminated,
  packedRows,
  qmParticipantsBy,
} from "./conditions.ts";
import { partnerChanged } from "./events.ts";
import { planTransitions, type Transition } from "./transitions.ts";

export type RecomputeProgress = { done: number; total: number; changes: number };

export type RecomputeOptions = {
  /** When the writes happen (history rows, e-mails, key instants); the system time by default. */
  now?: Date;
  catalogue?: Catalogue;
  onProgress?: (progress: RecomputeProgress) => void;
  /** How often onProgress is called while evaluating, in partners. */
  progressEvery?: number;
};

export type RecomputeResult = {
  on: CivilDate;
  /** Partners approved by `on`. */
  partners: number;
  changes: Record<ChangeReason, number>;
  /** Write statements executed; 0 when nothing changed. */
  writes: number;
  mails: number;
  keysIssued: number;
  keysRevoked: number;
  ms: number;
};

/** id, status, since, until, terminated_at (ms) — packed by SQLite, see packedRows. */
type PartnerRow = [
  id: string,
  status: PartnerStatus,
  since: string,
  until: string | null,
  terminatedAt: number | null,
];

const stateOf = ([, status, since, until]: PartnerRow): StatusState => ({ status, since, until });

/** Every course the requirement table names, at the highest count any status asks. */
function everyRequiredCertificate(requirements: StatusRequirements): Record<string, number> {
  const all: Record<string, number> = {};
  for (const table of [requirements.certified, requirements.gold]) {
    for (const [course, n] of Object.entries(table)) all[course] = Math.max(all[course] ?? 0, Number(n));
  }
  return all;
}

/**
 * Brings every partner approved by `on` to `on`. Idempotent: a second run on the same day finds no
 * change and writes nothing. The reads are single statements; all writes go in ONE write batch (one
 * transaction, one call) whose state updates are compare-and-swap: if an event moved a partner in
 * between, nothing is written and the recompute reads again.
 */
export async function recomputeAll(
  db: Db,
  on: CivilDate,
  options: RecomputeOptions,
): Promise<RecomputeResult> {
  parseCivilDate(on);
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await recomputeOnce(db, on, options, started);
    } catch (err) {
      // An event changed a partner between our reads and our writes: nothing was written; read again.
      if (!isRowMoved(err) || attempt >= 3) throw err;
    }
  }
}

async function recomputeOnce(
  db: Db,
  on: CivilDate,
  options: RecomputeOptions,
  started: number,
): Promise<RecomputeResult> {
  const { now = new Date(), onProgress, progressEvery = 1000 } = options;
  const requirements = options.catalogue?.requirements ?? (await loadRequirements(db));
  const w = dayWindow(on);
  const partners = await packedRows<PartnerRow>(
    db,
    sql`select id, status, status_since, status_until, terminated_at from partners where approved_at < ${w.endMs}`,
    sql`id, status, status_since, status_until, terminated_at`,
  );
  const points = await activePointsBy(db, "all", w);
  const qm = await qmParticipantsBy(db, "all", w);
  const conditionsOf = (
    [id, , , , terminatedAt]: PartnerRow,
    certificates: Readonly<Record<string, number>>,
  ) => ({
    activePoints: points.get(id) ?? 0,
    certificates,
    qmParticipant: qm.has(id),
    terminated: isTerminated(terminatedAt, w),
  });

  // Pass 1: the engine's step as if every required certificate were held. Certificates only ever raise
  // the status met, so a partner that does not change even so cannot change today: only the others
  // need their certificates — one query for all of them, a fraction of the partners on most days.
  const everyRequired = everyRequiredCertificate(requirements);
  const total = partners.length;
  const candidates: PartnerRow[] = [];
  onProgress?.({ done: 0, total, changes: 0 });
  for (const p of partners) {
    const prev = stateOf(p);
    // A state written for a later day (a run with an earlier --on) is left alone.
    if (on < prev.since) continue;
    if (nextStatus(prev, conditionsOf(p, everyRequired), on, requirements).change) candidates.push(p);
  }
  const certificates = candidates.length
    ? await certificatesBy(db, candidates.length > total / 2 ? "all" : candidates.map(([id]) => id), w)
    : new Map<string, Record<string, number>>();

  // Pass 2: the real step for the candidates.
  const changes: Record<ChangeReason, number> = { upgrade: 0, renewed: 0, dropped: 0, terminated: 0 };
  const transitions: Transition[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates[i]!;
    const prev = stateOf(p);
    const step = nextStatus(prev, conditionsOf(p, certificates.get(p[0]) ?? {}), on, requirements);
    if (step.change) {
      changes[step.change.reason]++;
      transitions.push({ partnerId: p[0], on, prev, state: step.state, change: step.change });
    }
    if ((i + 1) % progressEvery === 0) {
      onProgress?.({
        done: Math.round(((i + 1) / candidates.length) * total),
        total,
        changes: transitions.length,
      });
    }
  }
  const { statements, result: written } = await planTransitions(db, transitions, { now, mail: true });
  await runAtomically(db, statements);
  // Points expired today may have changed competencies too: every cached status is stale.
  partnerChanged(db, "all");
  onProgress?.({ done: total, total, changes: transitions.length });
  return {
    on,
    partners: total,
    changes,
    writes: written.statements,
    mails: written.mails,
    keysIssued: written.keysIssued,
    keysRevoked: written.keysRevoked,
    ms: Math.round(performance.now() - started),
  };
}
