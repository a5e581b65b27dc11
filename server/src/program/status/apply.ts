// R2.5: on every relevant event the partner's status is re-evaluated at once; the status writes (and the
// event's own fact, for an accrual) go in ONE write batch — one transaction, compare-and-swap on the state.

import {
  type Catalogue,
  type CivilDate,
  isActiveOn,
  nextStatus,
  parseCivilDate,
  type StatusStep,
} from "@partner-trust/rules";
import type { SQL } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import { isRowMoved, runAtomically } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { notFound } from "../../errors/index.ts";
import { loadRequirements } from "../catalogue/store.ts";
import { conditionsFor } from "./conditions.ts";
import { partnerChanged } from "./events.ts";
import { stateOf } from "./state.ts";
import { planTransitions, type WriteResult } from "./transitions.ts";

export type StatusDeps = {
  clock: Clock;
  /** The catalogue to judge by; read from the database when not given. */
  catalogue?: Catalogue;
};

export type AppliedStatus = StatusStep & { written?: WriteResult };

/** A fact written in the same transaction as the status, and the points it adds that day. */
type PendingFact = { insert: SQL; alongside?: readonly SQL[]; accrual?: { on: CivilDate; points: number } };

async function applyOnce(
  db: Db,
  partnerId: string,
  on: CivilDate,
  deps: StatusDeps,
  fact?: PendingFact,
): Promise<AppliedStatus> {
  const [row] = await db
    .select({
      status: s.partners.status,
      statusSince: s.partners.statusSince,
      statusUntil: s.partners.statusUntil,
    })
    .from(s.partners)
    .where(eq(s.partners.id, partnerId));
  if (!row) throw notFound(`No partner ${partnerId}.`);
  const prev = stateOf(row);
  let step: StatusStep = { state: prev };
  // A state already written for a later day is not judged by an earlier one.
  if (on >= prev.since) {
    const requirements = deps.catalogue?.requirements ?? (await loadRequirements(db));
    const conditions = (await conditionsFor(db, [partnerId], on)).get(partnerId)!;
    // R5.6: the fact about to be written counts the way the engine counts it.
    if (fact?.accrual && fact.accrual.points > 0 && isActiveOn(fact.accrual, on)) {
      conditions.activePoints += fact.accrual.points;
    }
    step = nextStatus(prev, conditions, on, requirements);
  }
  const planned = step.change
    ? await planTransitions(db, [{ partnerId, on, prev, state: step.state, change: step.change }], {
        now: deps.clock.now(),
        mail: true,
      })
    : undefined;
  const facts = fact ? [...(fact.alongside ?? []), fact.insert] : [];
  await runAtomically(db, [...facts, ...(planned?.statements ?? [])]);
  // The status, competencies or QM seal may differ now: the signed status is re-issued on the next request.
  partnerChanged(db, [partnerId]);
  return planned ? { ...step, written: planned.result } : step;
}

/** Retries when an event moved the partner between our reads and our write batch (nothing was written). */
async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isRowMoved(err) || n >= 5) throw err;
    }
  }
}

/** Re-evaluates one partner's status on `on` and writes any change (detachment, certificate, termination …). */
export function applyStatus(
  db: Db,
  partnerId: string,
  on: CivilDate,
  deps: StatusDeps,
): Promise<AppliedStatus> {
  return withRetry(() => applyOnce(db, partnerId, on, deps));
}

export type NewAccrual = {
  partnerId: string;
  /** R5.6: the Moscow day the points were earned. */
  day: CivilDate;
  points: number;
  sourceType: (typeof s.accrualSources)[number];
  sourceId: string;
};

/**
 * R5.2, R2.5: records an accrual and applies the status on today's Moscow day in the same transaction —
 * an accrual that completes the conditions upgrades the partner at once. Purchases, credited projects
 * and QM completions call this. `alongside`: the event's own rows (a purchase, a decision), written first in the
 * same batch, so a unique index on them makes a repeated event fail whole, credit included (R5.2 exactly once).
 */
export function recordAccrual(
  db: Db,
  accrual: NewAccrual,
  deps: StatusDeps,
  alongside: readonly SQL[] = [],
): Promise<AppliedStatus> {
  parseCivilDate(accrual.day);
  if (!Number.isInteger(accrual.points)) throw new Error(`points must be an integer, got ${accrual.points}`);
  const today = moscowDay(deps.clock.now());
  if (accrual.day > today) throw new Error(`accrual day ${accrual.day} is after today (${today})`);
  const insert = db
    .insert(s.pointAccruals)
    .values({ ...accrual, id: crypto.randomUUID(), createdAt: deps.clock.now() })
    .getSQL();
  return withRetry(() =>
    applyOnce(db, accrual.partnerId, today, deps, {
      insert,
      alongside,
      accrual: { on: accrual.day, points: accrual.points },
    }),
  );
}
