// R6.2d, R6.3c: the partner's vendor license sales within a licence year — its purchases' end-user prices.
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { moscowMidnight } from "../../clock.ts";
import type { Writer } from "../../db/client.ts";
import { purchases } from "../../db/schema/index.ts";

/** Sales in RUB on the Moscow days `from` … the day before `until` (a licence year is [from, until)). */
export async function salesRub(db: Writer, partnerId: string, from: string, until: string): Promise<number> {
  const [row] = await db
    .select({ rub: sql<number>`coalesce(sum(${purchases.priceRub}), 0)` })
    .from(purchases)
    .where(
      and(
        eq(purchases.partnerId, partnerId),
        gte(purchases.purchasedAt, moscowMidnight(from)),
        lt(purchases.purchasedAt, moscowMidnight(until)),
      ),
    );
  return Number(row?.rub ?? 0);
}
