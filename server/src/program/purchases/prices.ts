// R5.2, R2.4: the price list of what a partner buys for a license — data in `purchase_prices` (admin-editable),
// seeded from `defaultPurchasePrices`; the partner pays the end-user price less its status discount.
import { discountPercent, type Status } from "@partner-trust/rules";
import { and, asc, eq } from "drizzle-orm";
import type { Writer } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";

type PriceRow = { kind: s.PurchaseKind; editionCode: string; targetEditionCode?: string; priceRub: number };

/**
 * The on-premise corporate portal, the edition extra portal users (R5.2) are bought for. It is «1С-Битрикс24»
 * (the box version), so R2.4 gives no discount on it; its points count all the same.
 */
export const portalEdition = {
  code: "corporate-portal",
  title: "1С-Битрикс24: Корпоративный портал",
  priceRub: 139_000,
  sites: 1,
} as const;

/**
 * Default prices in RUB (end-user): a renewal is half the license price; an upgrade ("transition") the difference
 * of the two editions' prices; an extra site or portal user per unit. Editions without a row cannot be bought so.
 */
export const defaultPurchasePrices: readonly PriceRow[] = [
  { kind: "renewal", editionCode: "start", priceRub: 2_950 },
  { kind: "renewal", editionCode: "standard", priceRub: 8_950 },
  { kind: "renewal", editionCode: "small-business", priceRub: 20_450 },
  { kind: "renewal", editionCode: "business", priceRub: 36_450 },
  { kind: "renewal", editionCode: portalEdition.code, priceRub: 69_500 },
  { kind: "upgrade", editionCode: "start", targetEditionCode: "standard", priceRub: 12_000 },
  { kind: "upgrade", editionCode: "start", targetEditionCode: "small-business", priceRub: 35_000 },
  { kind: "upgrade", editionCode: "start", targetEditionCode: "business", priceRub: 67_000 },
  { kind: "upgrade", editionCode: "standard", targetEditionCode: "small-business", priceRub: 23_000 },
  { kind: "upgrade", editionCode: "standard", targetEditionCode: "business", priceRub: 55_000 },
  { kind: "upgrade", editionCode: "small-business", targetEditionCode: "business", priceRub: 32_000 },
  { kind: "extra_sites", editionCode: "small-business", priceRub: 20_450 },
  { kind: "extra_sites", editionCode: "business", priceRub: 36_450 },
  { kind: "extra_users", editionCode: portalEdition.code, priceRub: 1_500 },
];

/** Writes the default price list (and the portal edition when missing); existing rows are kept. */
export async function seedPurchasePrices(db: Writer, now: Date): Promise<void> {
  const [portal] = await db.select().from(s.editions).where(eq(s.editions.code, portalEdition.code));
  if (!portal) {
    const ranks = await db.select({ rank: s.editions.rank }).from(s.editions);
    await db.insert(s.editions).values({
      ...portalEdition,
      product: "bitrix24",
      rank: Math.max(0, ...ranks.map((r) => r.rank)) + 1,
    });
  }
  await db
    .insert(s.purchasePrices)
    .values(
      defaultPurchasePrices.map((p) => ({
        ...p,
        targetEditionCode: p.targetEditionCode ?? "",
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** R2.4: the status discount on every product except Bitrix24 (none after termination, R1.5c). */
export function discountFor(status: Status, product: (typeof s.editions.$inferSelect)["product"]): number {
  return product === "bitrix24" ? 0 : discountPercent(status);
}

/** What the partner pays: the end-user price less the discount, in whole roubles. */
export function partnerPrice(priceRub: number, discount: number): number {
  return Math.round((priceRub * (100 - discount)) / 100);
}

/** The unit price of one kind for one edition (and target edition), or undefined when it is not sold. */
export async function unitPrice(
  db: Writer,
  kind: s.PurchaseKind,
  editionCode: string,
  targetEditionCode = "",
): Promise<number | undefined> {
  const [row] = await db
    .select({ priceRub: s.purchasePrices.priceRub })
    .from(s.purchasePrices)
    .where(
      and(
        eq(s.purchasePrices.kind, kind),
        eq(s.purchasePrices.editionCode, editionCode),
        eq(s.purchasePrices.targetEditionCode, targetEditionCode),
      ),
    );
  return row?.priceRub;
}

/** The whole price list, for the public catalogue. */
export function allPrices(db: Writer) {
  return db
    .select()
    .from(s.purchasePrices)
    .orderBy(asc(s.purchasePrices.editionCode), asc(s.purchasePrices.kind), asc(s.purchasePrices.priceRub));
}
