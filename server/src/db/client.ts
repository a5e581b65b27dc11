// Opens the database named by DATABASE_URL: an embedded libSQL file, or a libSQL server / Turso.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type ResultSet } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "./schema/index.ts";

export type Db = ReturnType<typeof openDb>["db"];

/** The database or a transaction on it: what code that may run inside a caller's transaction takes. */
export type Writer = BaseSQLiteDatabase<"async", ResultSet, typeof schema>;

export type DbOptions = { url: string; authToken?: string | undefined };

/** Opens (and for `file:` URLs creates the folder of) the database. */
export function openDb({ url, authToken }: DbOptions) {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient(authToken ? { url, authToken } : { url });
  const db = drizzle(client, { schema });
  return { db, client, close: () => client.close() };
}

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** Applies the committed drizzle-kit migrations. */
export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
