// What the database benchmarks share: deterministic random data, bulk inserts into a temp libSQL file, figures.
import type { openDb } from "../../server/src/db/client.ts";

type Client = ReturnType<typeof openDb>["client"];

/** mulberry32: the same data on every run. */
export function seededRandom(seed = 0x5eed) {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { random, pick: (n: number) => Math.floor(random() * n) };
}

/** Multi-row INSERTs of `rowsPer` rows, 50 statements per write batch; returns the rows written. */
export async function bulkInsert(
  client: Client,
  table: string,
  columns: string[],
  rows: Iterable<unknown[]>,
  rowsPer = 1000,
): Promise<number> {
  const one = `(${columns.map(() => "?").join(", ")})`;
  let batch: { sql: string; args: never[] }[] = [];
  let pending: unknown[] = [];
  let count = 0;
  const flushStatement = () => {
    if (!pending.length) return;
    const n = pending.length / columns.length;
    batch.push({
      sql: `insert into ${table} (${columns.join(", ")}) values ${Array(n).fill(one).join(", ")}`,
      args: pending as never[],
    });
    pending = [];
  };
  for (const row of rows) {
    pending.push(...row);
    count++;
    if (count % rowsPer === 0) flushStatement();
    if (batch.length === 50) {
      await client.batch(batch, "write");
      batch = [];
    }
  }
  flushStatement();
  if (batch.length) await client.batch(batch, "write");
  return count;
}

export const fmt = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;
export const verdict = (ok: boolean) => (ok ? "met" : "NOT MET");
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
