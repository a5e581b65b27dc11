// R5.6: the daily recompute at 00:00 MSK — one aggregate query per kind of fact for all partners, the
// engine's nextStatus per partner in memory, and batched writes for the partners whose state changed.
import {
  type Catalogue,
  type ChangeReason,
  type CivilDate,
  nextStatus,
  parseCivilDate,
} from "@partner-trust/rules";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { PartnerStatus } from "../../db/schema/index.ts";
import { loadRequirements } from "../catalogue/store.ts";
import { activePointsBy, certificatesBy, dayWindow, isTerminated, qmParticipantsBy } from "./conditions.ts";
import type { Transition } from "./transitions.ts";
import { writeTransitions } from "./transitions.ts";

export type RecomputeProgress = { done: number; total: number; changes: number };

export type RecomputeOptions = {
  /** When the writes happen (history rows, e-mails, key instants). */
  now: Date;
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

type PartnerRow = {
  id: string;
  status: PartnerStatus;
  since: string;
  until: string | null;
  terminatedAt: number | null;
};

/**
 * Brings every partner approved by `on` to `on`. Idempotent: a second run on the same day finds no
 * change and writes nothing. Reads and writes happen in one write transaction, so two runs (or a run
 * and an event) never interleave.
 */
export async function recomputeAll(
  db: Db,
  on: CivilDate,
  options: RecomputeOptions,
): Promise<RecomputeResult> {
  parseCivilDate(on);
  const started = performance.now();
  const { now, onProgress, progressEvery = 1000 } = options;
  return db.transaction(async (tx) => {
    const requirements = options.catalogue?.requirements ?? (await loadRequirements(tx));
    const w = dayWindow(on);
    const partners = await tx.all<PartnerRow>(sql`
      select id, status, status_since as since, status_until as until, terminated_at as terminatedAt
      from partners where approved_at < ${w.endMs}`);
    const points = await activePointsBy(tx, "all", w);
    const certificates = await certificatesBy(tx, "all", w);
    const qm = await qmParticipantsBy(tx, "all", w);

    const changes: Record<ChangeReason, number> = { upgrade: 0, renewed: 0, dropped: 0, terminated: 0 };
    const transitions: Transition[] = [];
    const total = partners.length;
    onProgress?.({ done: 0, total, changes: 0 });
    for (let i = 0; i < total; i++) {
      const p = partners[i]!;
      const prev = { status: p.status, since: p.since, until: p.until };
      // A state written for a later day (a run with an earlier --on) is left alone.
      if (on >= prev.since) {
        const step = nextStatus(
          prev,
          {
            activePoints: points.get(p.id) ?? 0,
            certificates: certificates.get(p.id) ?? {},
            qmParticipant: qm.has(p.id),
            terminated: isTerminated(p.terminatedAt, w),
          },
          on,
          requirements,
        );
        if (step.change) {
          changes[step.change.reason]++;
          transitions.push({ partnerId: p.id, on, prev, state: step.state, change: step.change });
        }
      }
      if ((i + 1) % progressEvery === 0 && i + 1 < total) {
        onProgress?.({ done: i + 1, total, changes: transitions.length });
      }
    }
    const written = await writeTransitions(tx, transitions, { now, mail: true });
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
  });
}
