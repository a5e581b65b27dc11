// Writes that must not interleave: one batch is one transaction executed in one call (no transaction stays open
// across awaits), guards that fail the batch when a row moved between our read and our write, and the errors
// that say a concurrent write won — which callers answer with a 409 or by reading again.
import type { InArgs } from "@libsql/client";
import { type SQL, sql } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { conflict } from "../errors/index.ts";
import type { Db } from "./client.ts";

const dialect = new SQLiteAsyncDialect();

/** Runs `statements` as ONE write batch: no other statement of this process interleaves. */
export async function runAtomically(db: Db, statements: readonly SQL[]): Promise<void> {
  if (statements.length === 0) return;
  await db.$client.batch(
    statements.map((statement) => {
      const query = dialect.sqlToQuery(statement);
      return { sql: query.sql, args: query.params as InArgs };
    }),
    "write",
  );
}

const MOVED = "row moved";

/** Fails the batch (as SQLite's "malformed JSON") unless `condition` holds at this point of it. */
export const guard = (condition: SQL): SQL =>
  sql`select json(case when ${condition} then '1' else ${MOVED} end)`;

/** After a guarded UPDATE: fails the batch unless it changed exactly `n` rows. */
export const expectChanged = (n = 1): SQL => guard(sql`changes() = ${n}`);

const messages = (err: unknown): string[] => {
  const out: string[] = [];
  for (let e: unknown = err; e instanceof Error; e = (e as { cause?: unknown }).cause) out.push(e.message);
  return out;
};

/** True when a guard failed: a row had changed since it was read. */
export const isRowMoved = (err: unknown): boolean => messages(err).some((m) => /malformed JSON/.test(m));

/** True when a unique index refused the write: the same thing was written concurrently (or before). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = (e as { cause?: unknown }).cause) {
    if (
      /UNIQUE constraint failed/i.test(e.message) ||
      (e as { code?: string }).code?.includes("CONSTRAINT_UNIQUE")
    )
      return true;
  }
  return false;
}

/** Runs `statements` as one write batch; a failed guard or a unique index (a concurrent write) is a 409. */
export async function writeOrConflict(db: Db, statements: readonly SQL[], detail: string): Promise<void> {
  try {
    await runAtomically(db, statements);
  } catch (err) {
    if (isRowMoved(err) || isUniqueViolation(err)) throw conflict(detail);
    throw err;
  }
}
