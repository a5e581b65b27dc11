// One write batch (one transaction) for a change and its history, log and e-mail, with a compare-and-swap
// guard: a row that moved between our read and our write fails the whole batch, and the caller gets a 409.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { conflict } from "../../errors/index.ts";
import { runAtomically } from "../status/transitions.ts";

const MOVED = "row moved";

/** Fails the batch unless `condition` holds at this point of it. */
export const guard = (condition: SQL): SQL =>
  sql`select json(case when ${condition} then '1' else ${MOVED} end)`;

/** After a guarded UPDATE: fails the batch unless it changed exactly `n` rows. */
export const expectChanged = (n = 1): SQL => guard(sql`changes() = ${n}`);

/** Runs `statements` as one write batch; a failed guard or a unique index (a concurrent write) is a 409. */
export async function writeOrConflict(db: Db, statements: readonly SQL[], detail: string): Promise<void> {
  try {
    await runAtomically(db, statements);
  } catch (err) {
    const cause = (err as { cause?: Error }).cause;
    if (/malformed JSON|UNIQUE constraint failed/.test(`${(err as Error).message} ${cause?.message ?? ""}`))
      throw conflict(detail);
    throw err;
  }
}
