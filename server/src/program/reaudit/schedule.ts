// R6.2c: the re-audit schedule — one round a day at 04:00 Moscow time (UTC+3, no DST), when partners' sites
// and this server are quiet. No catch-up at start: a missed round is the next day's.
import type { Logger } from "pino";
import { addDays, type Clock, moscowDay, moscowMidnight } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { ROUND_LEASE_TTL_MS, runReauditRound } from "./round.ts";
import type { AuditNetwork } from "./run.ts";

export const REAUDIT_HOUR_MSK = 4;

/** Milliseconds from `now` to the next `hour`:00 Moscow time (strictly after `now`). */
export function msUntilNextRound(now: Date, hour = REAUDIT_HOUR_MSK): number {
  const at = (day: string) => moscowMidnight(day).getTime() + hour * 3600_000;
  const today = moscowDay(now);
  const next = at(today) > now.getTime() ? at(today) : at(addDays(today, 1));
  return next - now.getTime();
}

export function startReauditScheduler({
  db,
  clock,
  logger,
  network,
}: {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Never allowPrivate outside tests. */
  network?: AuditNetwork;
}) {
  const holder = crypto.randomUUID();
  const shutdown = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const arm = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = running.then(round);
    }, ms);
    timer.unref();
  };
  const round = async () => {
    let retry = false;
    try {
      const run = await runReauditRound(db, {
        clock,
        holder,
        logger,
        signal: shutdown.signal,
        ...(network && { network }),
      });
      // Another instance runs it: look again after its lease could have expired (it may have died).
      if (!run.ran) {
        retry = run.reason === "running";
        logger.info({ reason: run.reason }, "re-audit round skipped");
      }
    } catch (err) {
      logger.error({ err }, "re-audit round failed");
    }
    arm(retry ? ROUND_LEASE_TTL_MS + 60_000 : msUntilNextRound(clock.now()));
  };
  arm(msUntilNextRound(clock.now()));
  return {
    /** Cuts a running round short (its unfinished sites are not stored) and waits for it. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      shutdown.abort();
      await running;
    },
  };
}
