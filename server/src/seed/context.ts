// What the seed's parts share: the writer (a transaction), "now", the demo account ids, the catalogue rows.
import type { ResultSet } from "@libsql/client";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { moscowDay } from "../clock.ts";
import type * as schema from "../db/schema/index.ts";
import type { DemoAccount } from "./accounts.ts";

/** The database or a transaction on it. */
export type Writer = BaseSQLiteDatabase<"async", ResultSet, typeof schema>;

export const DAY = 24 * 60 * 60 * 1000;

export type SeedContext = {
  db: Writer;
  now: Date;
  accountIds: Record<DemoAccount["key"], string>;
  edition(code: string): typeof schema.editions.$inferSelect;
  competency(code: string): typeof schema.competencies.$inferSelect;
  courseIds: string[];
  questionIds: string[];
};

/** The instant `days` days before now. */
export const agoFrom = (now: Date) => (days: number) => new Date(now.getTime() - days * DAY);

/** The Moscow day `days` days before now (R5.6 accrual days). */
export const dayAgoFrom = (now: Date) => (days: number) => moscowDay(agoFrom(now)(days));

/** R5.2: points = round-half-up(price in RUB / 1000). */
export const pointsFor = (priceRub: number) => Math.floor(priceRub / 1000 + 0.5);
