// R5.2: a purchase as the API shows it, with edition codes instead of row ids.
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { editionCodes } from "../projects/view.ts";
import type { Purchase } from "./buy.ts";

function view(p: Purchase, codes: Map<string, string>) {
  return {
    id: p.id,
    partnerId: p.partnerId,
    kind: p.kind,
    editionCode: (p.editionId && codes.get(p.editionId)) ?? null,
    targetEditionCode: (p.targetEditionId && codes.get(p.targetEditionId)) ?? null,
    quantity: p.quantity,
    licenseKey: p.licenseKey,
    issuedLicenseKey: p.issuedLicenseKey,
    priceRub: p.priceRub,
    discountPercent: p.discountPercent,
    paidRub: p.paidRub,
    points: p.points,
    // Credited at once with the purchase (R5.2); the status whose discount applied.
    status: "credited" as const,
    partnerStatus: p.status,
    purchasedAt: p.purchasedAt.toISOString(),
  };
}

export type PurchaseView = ReturnType<typeof view>;

export async function purchaseView(db: Db, p: Purchase): Promise<PurchaseView> {
  return view(p, await editionCodes(db));
}

/** The partner's purchases, newest first. */
export async function listPurchases(db: Db, partnerId: string): Promise<PurchaseView[]> {
  const rows = await db
    .select()
    .from(s.purchases)
    .where(eq(s.purchases.partnerId, partnerId))
    .orderBy(desc(s.purchases.purchasedAt));
  const codes = await editionCodes(db);
  return rows.map((r) => view(r, codes));
}
