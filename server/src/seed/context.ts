// What the seed's parts share: the writer (a transaction), "now", the demo account ids, the catalogue rows.
import { moscowDay } from "../clock.ts";
import type { Writer } from "../db/client.ts";
import type * as schema from "../db/schema/index.ts";
import type { DemoAccount } from "./accounts.ts";

export type { Writer };

export const DAY = 24 * 60 * 60 * 1000;

export type SeedContext = {
  db: Writer;
  now: Date;
  accountIds: Record<DemoAccount["key"], string>;
  edition(code: string): typeof schema.editions.$inferSelect;
  competency(code: string): typeof schema.competencies.$inferSelect;
  course(code: string): typeof schema.courses.$inferSelect;
  questionIds: string[];
};

/** The instant `days` days before now. */
export const agoFrom = (now: Date) => (days: number) => new Date(now.getTime() - days * DAY);

/** The Moscow day `days` days before now (R5.6 accrual days). */
export const dayAgoFrom = (now: Date) => (days: number) => moscowDay(agoFrom(now)(days));
