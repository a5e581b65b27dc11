// R5.2: admins change one row of the purchase price list (purchase_prices, read by prices.ts); logged with the
// price before, in one write batch.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { notFound, validationError } from "../../errors/index.ts";

export async function setPurchasePrice(
  db: Db,
  priceId: string,
  priceRub: number,
  by: { userId: string; now: Date },
) {
  if (!Number.isInteger(priceRub) || priceRub <= 0)
    throw validationError([
      { path: "priceRub", message: "Цена — целое число рублей больше нуля / A whole RUB price above zero" },
    ]);
  const [row] = await db.select().from(s.purchasePrices).where(eq(s.purchasePrices.id, priceId));
  if (!row) throw notFound("Нет такой цены / No such price.");
  await db.batch([
    db.update(s.purchasePrices).set({ priceRub }).where(eq(s.purchasePrices.id, priceId)),
    db.insert(s.moderationLog).values({
      actorUserId: by.userId,
      at: by.now,
      action: "catalogue.purchase_price",
      targetType: "purchase_price",
      targetId: priceId,
      reason: `${row.kind} ${row.editionCode}${row.targetEditionCode ? ` → ${row.targetEditionCode}` : ""}: ${row.priceRub} → ${priceRub}`,
    }),
  ]);
}
