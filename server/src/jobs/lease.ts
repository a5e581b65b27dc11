// Single-runner jobs: a named lease in the `leases` table, taken when free or expired.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { leases } from "../db/schema/index.ts";

/** Takes or renews the lease `name` for `holder` until now + ttl; true if `holder` now holds it. */
export async function acquireLease(db: Db, name: string, holder: string, now: Date, ttlMs: number) {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const rows = await db
    .insert(leases)
    .values({ name, holder, expiresAt })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder, expiresAt },
      setWhere: sql`${leases.holder} = ${holder} or ${leases.expiresAt} < ${now.getTime()}`,
    })
    .returning({ holder: leases.holder });
  return rows[0]?.holder === holder;
}

/** A lease that never expires: the job it guards is done (e.g. one day's recompute). */
export const DONE_UNTIL = new Date("9999-12-31T00:00:00Z");

/** Marks the lease `name` as done for good; a later acquireLease by anyone fails. */
export async function completeLease(db: Db, name: string, holder: string): Promise<void> {
  await db
    .insert(leases)
    .values({ name, holder, expiresAt: DONE_UNTIL })
    .onConflictDoUpdate({ target: leases.name, set: { holder, expiresAt: DONE_UNTIL } });
}

/** Whether the lease `name` was completed. */
export async function isLeaseDone(db: Db, name: string): Promise<boolean> {
  const [row] = await db.select({ expiresAt: leases.expiresAt }).from(leases).where(eq(leases.name, name));
  return row !== undefined && row.expiresAt.getTime() >= DONE_UNTIL.getTime();
}
