// R7.1e: the competing platforms a proposal to a vendor lead must not offer — data admins edit (issue 10).
// Rows are never deleted: a platform no longer checked is retired (`active` = false) and can be restored.
import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";

export const competingPlatforms = sqliteTable(
  "competing_platforms",
  {
    id: id(),
    name: text("name").notNull(),
    // The spellings people write (Latin, Cyrillic, slang), matched as whole words (program/leads/competitors-match.ts).
    spellings: text("spellings", { mode: "json" }).$type<string[]>().notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at")
      .notNull()
      .$defaultFn(() => new Date()),
  },
  // One row per platform (ASCII case folded by SQLite; the app folds the rest): two starts seeding at once add it once.
  (t) => [uniqueIndex("competing_platforms_name_idx").on(sql`lower(${t.name})`)],
);
