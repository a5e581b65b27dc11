// R2.8: where a partner's widgets are shown — counted in memory on the hot path and written in one batch
// every few seconds (never a write per request): one row per partner, host, widget and Moscow day.
import { sql } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { badgePlacements } from "../../db/schema/index.ts";

export type Widget = (typeof badgePlacements.widget.enumValues)[number];
type Pending = {
  partnerId: string;
  host: string;
  widget: Widget;
  day: string;
  registered: boolean;
  requests: number;
  first: Date;
  last: Date;
};

/** Rows kept in memory at most; beyond it new hosts are dropped until the next flush (abuse bound). */
const MAX_PENDING = 10_000;

export function createPlacementRecorder({
  db,
  clock,
  everyMs = 5_000,
}: {
  db: Db;
  clock: Clock;
  everyMs?: number;
}) {
  let pending = new Map<string, Pending>();
  let flushing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => void flush().catch(() => {}), everyMs);
  timer.unref();

  function record(partnerId: string, host: string, widget: Widget, registered: boolean) {
    const now = clock.now();
    const day = moscowDay(now);
    const key = `${partnerId}\u0000${host}\u0000${widget}\u0000${day}`;
    const row = pending.get(key);
    if (row) {
      row.requests++;
      row.last = now;
      return;
    }
    if (pending.size >= MAX_PENDING) return;
    pending.set(key, { partnerId, host, widget, day, registered, requests: 1, first: now, last: now });
  }

  async function write(rows: Pending[]) {
    if (!rows.length) return;
    const statements = rows.map((r) =>
      db
        .insert(badgePlacements)
        .values({
          partnerId: r.partnerId,
          host: r.host,
          widget: r.widget,
          day: r.day,
          verified: r.registered ? "registered" : "unverified",
          requests: r.requests,
          firstSeenAt: r.first,
          lastSeenAt: r.last,
        })
        .onConflictDoUpdate({
          target: [
            badgePlacements.partnerId,
            badgePlacements.host,
            badgePlacements.widget,
            badgePlacements.day,
          ],
          set: {
            requests: sql`${badgePlacements.requests} + excluded.requests`,
            lastSeenAt: sql`excluded.last_seen_at`,
            verified: sql`excluded.verified`,
          },
        }),
    );
    await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  }

  /** Writes what was counted so far (tests call it; the timer does it every few seconds). */
  function flush(): Promise<void> {
    flushing = flushing
      .catch(() => {})
      .then(async () => {
        const rows = [...pending.values()];
        pending = new Map();
        await write(rows);
      });
    return flushing;
  }

  return {
    record,
    flush,
    async close() {
      clearInterval(timer);
      await flush().catch(() => {});
    },
  };
}
