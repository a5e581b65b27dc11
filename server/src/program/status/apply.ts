// R2.5: on every relevant event the partner's status is re-evaluated at once, in the event's transaction.
import {
  type Catalogue,
  type CivilDate,
  nextStatus,
  parseCivilDate,
  type StatusStep,
} from "@partner-trust/rules";
import { eq } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db, Writer } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { notFound } from "../../errors/index.ts";
import { loadRequirements } from "../catalogue/store.ts";
import { conditionsFor } from "./conditions.ts";
import { stateOf } from "./state.ts";
import { type WriteResult, writeTransitions } from "./transitions.ts";

export type StatusDeps = {
  clock: Clock;
  /** The catalogue to judge by; read from the database when not given. */
  catalogue?: Catalogue;
};

export type AppliedStatus = StatusStep & { written?: WriteResult };

/** Conditions → nextStatus → writes, inside the caller's transaction `tx`. */
export async function applyStatusIn(
  tx: Writer,
  partnerId: string,
  on: CivilDate,
  deps: StatusDeps,
): Promise<AppliedStatus> {
  const [row] = await tx
    .select({
      status: s.partners.status,
      statusSince: s.partners.statusSince,
      statusUntil: s.partners.statusUntil,
    })
    .from(s.partners)
    .where(eq(s.partners.id, partnerId));
  if (!row) throw notFound(`No partner ${partnerId}.`);
  const prev = stateOf(row);
  // A state already written for a later day is not judged by an earlier one.
  if (on < prev.since) return { state: prev };
  const requirements = deps.catalogue?.requirements ?? (await loadRequirements(tx));
  const conditions = (await conditionsFor(tx, [partnerId], on)).get(partnerId)!;
  const step = nextStatus(prev, conditions, on, requirements);
  if (!step.change) return step;
  const written = await writeTransitions(
    tx,
    [{ partnerId, on, prev, state: step.state, change: step.change }],
    { now: deps.clock.now(), mail: true },
  );
  return { ...step, written };
}

/** Re-evaluates one partner's status on `on` in its own (write) transaction. */
export function applyStatus(
  db: Db,
  partnerId: string,
  on: CivilDate,
  deps: StatusDeps,
): Promise<AppliedStatus> {
  return db.transaction((tx) => applyStatusIn(tx, partnerId, on, deps));
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
 * and QM completions call this.
 */
export function recordAccrual(db: Db, accrual: NewAccrual, deps: StatusDeps): Promise<AppliedStatus> {
  parseCivilDate(accrual.day);
  if (!Number.isInteger(accrual.points)) throw new Error(`points must be an integer, got ${accrual.points}`);
  const today = moscowDay(deps.clock.now());
  if (accrual.day > today) throw new Error(`accrual day ${accrual.day} is after today (${today})`);
  return db.transaction(async (tx) => {
    await tx.insert(s.pointAccruals).values({ ...accrual, createdAt: deps.clock.now() });
    return applyStatusIn(tx, accrual.partnerId, today, deps);
  });
}
