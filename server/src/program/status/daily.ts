// R5.6: the daily recompute under a per-day lease (one runner per day across server instances), and
// the scheduler that fires it at 00:00 Moscow time.
import { addDays, type CivilDate } from "@partner-trust/rules";
import type { Logger } from "pino";
import { type Clock, moscowDay, moscowMidnight } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { acquireLease, completeLease, isLeaseDone } from "../../jobs/lease.ts";
import { decideNfrRenewals } from "../nfr/renewal.ts";
import { creditMissedQm } from "../quality/repair.ts";
import { type RecomputeOptions, type RecomputeResult, recomputeAll } from "./recompute.ts";

/** Long enough for any recompute; a runner that died mid-run is taken over after it. */
const LEASE_TTL_MS = 15 * 60 * 1000;

export const recomputeLeaseName = (on: CivilDate) => `recompute:${on}`;

export type DailyRun = { ran: true; result: RecomputeResult } | { ran: false; reason: "done" | "running" };

/**
 * Runs `on`'s recompute unless another runner holds the day's lease or the day is done; marks the
 * day done afterwards. `force` (the CLI by hand) runs even a day that is done — harmless, the
 * recompute is idempotent and serialised by its write transaction.
 */
export async function runDailyRecompute(
  db: Db,
  on: CivilDate,
  options: RecomputeOptions & { clock: Clock; holder: string; force?: boolean },
): Promise<DailyRun> {
  const name = recomputeLeaseName(on);
  const { clock, holder, force = false } = options;
  if (!force) {
    // Checked first: the holder that completed a day must not renew (and so reopen) its lease.
    if (await isLeaseDone(db, name)) return { ran: false, reason: "done" };
    if (!(await acquireLease(db, name, holder, clock.now(), LEASE_TTL_MS))) {
      return { ran: false, reason: (await isLeaseDone(db, name)) ? "done" : "running" };
    }
  }
  const result = await recomputeAll(db, on, { ...options, now: clock.now() });
  await decideNfrRenewals(db, on, { now: clock.now() }); // R6.2d, R6.3c: NFR licence years ending on `on`
  await creditMissedQm(db, { clock }); // R5.5b: a completion whose accrual was lost to a crash
  await completeLease(db, name, holder);
  return { ran: true, result };
}

/** Milliseconds from `now` to the next 00:00 Moscow time (UTC+3, no DST). */
export function msUntilNextMoscowMidnight(now: Date): number {
  return moscowMidnight(addDays(moscowDay(now), 1)).getTime() - now.getTime();
}

/**
 * Catches up on start (today's run, if no instance did it yet), then runs at each 00:00 MSK. The delay
 * comes from the injected clock each time, so a clock that jumps is followed.
 */
export function startRecomputeScheduler({ db, clock, logger }: { db: Db; clock: Clock; logger: Logger }) {
  const holder = crypto.randomUUID();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const runFor = async (on: CivilDate) => {
    try {
      const outcome = await runDailyRecompute(db, on, { clock, holder });
      if (outcome.ran) logger.info({ recompute: outcome.result }, "daily recompute done");
      else logger.info({ on, reason: outcome.reason }, "daily recompute skipped");
    } catch (err) {
      logger.error({ err, on }, "daily recompute failed");
    }
  };
  const schedule = () => {
    if (stopped) return;
    const now = clock.now();
    const next = addDays(moscowDay(now), 1);
    timer = setTimeout(() => {
      // The day that just began, even if the timer fired a moment early.
      running = running.then(() => runFor(next)).then(schedule);
    }, msUntilNextMoscowMidnight(now));
    timer.unref();
  };
  running = runFor(moscowDay(clock.now())).then(schedule);
  return {
    /** Settles when the work started so far is done (tests). */
    idle: () => running,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
