// Shared column helpers so every table spells ids and timestamps the same way.
import { integer, text } from "drizzle-orm/sqlite-core";

/** Text primary key (UUID); generated in application code. */
export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** A millisecond timestamp column. */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** created_at, set on insert. */
export const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .$defaultFn(() => new Date());
