// Single-runner jobs: a named lease in the `leases` table, taken when free or expired.
import { sql } from "drizzle-orm";
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
