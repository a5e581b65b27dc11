// Demo purchases (R5.2) and additional-points requests (R5.3): the price list, a few purchases with the points
// they earned (before the replay, so statuses count them), then every purchase priced at the discount of the
// status its partner held that day (after the replay, which writes the status terms).
import { pointsForPrice } from "@partner-trust/rules";
import { and, eq, isNull } from "drizzle-orm";
import { moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { requestFingerprint } from "../program/purchases/buy.ts";
import { discountFor, partnerPrice, seedPurchasePrices, unitPrice } from "../program/purchases/prices.ts";
import { newLicenseKey } from "../program/status/keys.ts";
import { agoFrom, dayAgoFrom, type SeedContext } from "./context.ts";

type DemoPurchase = {
  slug: string;
  daysAgo: number;
  kind: s.PurchaseKind;
  editionCode: string;
  targetEditionCode?: string;
  quantity?: number;
  licenseKey?: string;
};

// Small enough that every demo partner still meets exactly its planned status (seed/plans.ts).
const demoPurchases: DemoPurchase[] = [
  {
    slug: "alfa",
    daysAgo: 30,
    kind: "upgrade",
    editionCode: "start",
    targetEditionCode: "business",
    licenseKey: "LIC-ALFA1-CLNT1-00001-00001",
  },
  {
    slug: "alfa",
    daysAgo: 12,
    kind: "extra_users",
    editionCode: "corporate-portal",
    quantity: 20,
    licenseKey: "LIC-ALFA1-PORTL-00001-00002",
  },
  {
    slug: "beta",
    daysAgo: 50,
    kind: "renewal",
    editionCode: "standard",
    licenseKey: "LIC-BETA1-CLNT1-00001-00003",
  },
  { slug: "gamma", daysAgo: 25, kind: "renewal", editionCode: "start" },
];

/** Before the replay: the price list, the demo purchases and requests with their accruals. */
export async function seedPurchaseDemo(ctx: SeedContext, partnerIds: Record<string, string>): Promise<void> {
  const { db, now, accountIds } = ctx;
  const ago = agoFrom(now);
  const dayAgo = dayAgoFrom(now);
  await seedPurchasePrices(db, now);
  const editions = await db.select().from(s.editions);
  const editionId = (code?: string) => (code ? editions.find((e) => e.code === code)!.id : null);
  for (const [k, p] of demoPurchases.entries()) {
    const partnerId = partnerIds[p.slug]!;
    const unit = await unitPrice(db, p.kind, p.editionCode, p.targetEditionCode);
    const priceRub = unit! * (p.quantity ?? 1);
    const id = crypto.randomUUID();
    const points = pointsForPrice(priceRub);
    await db.insert(s.purchases).values({
      id,
      partnerId,
      idempotencyKey: `seed-demo-${p.slug}-${k}`,
      requestHash: requestFingerprint(p),
      buyerUserId: p.slug === "alfa" ? accountIds.partner : null,
      kind: p.kind,
      editionId: editionId(p.editionCode),
      targetEditionId: editionId(p.targetEditionCode),
      quantity: p.quantity ?? 1,
      licenseKey: p.licenseKey ?? null,
      issuedLicenseKey: p.kind === "upgrade" ? newLicenseKey("LIC") : null,
      priceRub,
      points,
      purchasedAt: ago(p.daysAgo),
    });
    await db
      .insert(s.pointAccruals)
      .values({ partnerId, day: dayAgo(p.daysAgo), points, sourceType: "purchase", sourceId: id });
  }

  // R5.3: one request approved 40 days ago (credited, logged), two waiting — one past its 10 working days.
  const [approved] = await db
    .insert(s.additionalPointsRequests)
    .values({
      partnerId: partnerIds.alfa!,
      reason: "marketing",
      description: "Семинар «1С-Битрикс для интернет-магазинов» в Москве, 60 участников",
      evidenceUrl: "https://alfa-web.ru/events/seminar-2026",
      requestedBy: accountIds.partner,
      state: "approved",
      points: 15,
      submittedAt: ago(48),
      decidedBy: accountIds.moderator,
      decidedAt: ago(40),
      moderatorReason: "Семинар подтверждён фотоотчётом",
    })
    .returning();
  await db.insert(s.additionalPointsDecisions).values({
    requestId: approved!.id,
    approve: true,
    points: 15,
    reason: "Семинар подтверждён фотоотчётом",
    decidedBy: accountIds.moderator,
    decidedAt: ago(40),
  });
  await db.insert(s.pointAccruals).values({
    partnerId: partnerIds.alfa!,
    day: dayAgo(40),
    points: 15,
    sourceType: "additional",
    sourceId: approved!.id,
  });
  await db.insert(s.moderationLog).values({
    actorUserId: accountIds.moderator,
    at: ago(40),
    action: "additional_points.approve",
    targetType: "additional_points_request",
    targetId: approved!.id,
    reason: "15: Семинар подтверждён фотоотчётом",
  });
  await db.insert(s.additionalPointsRequests).values([
    {
      partnerId: partnerIds.alfa!,
      reason: "review",
      description: "Отзыв клиента ООО «Стройматериалы» о внедрении интернет-магазина",
      evidenceUrl: "https://alfa-web.ru/reviews/stroymaterialy",
      requestedBy: accountIds.employee,
      submittedAt: ago(3),
    },
    {
      partnerId: partnerIds.volga!,
      reason: "complex_project",
      description: "Интеграция портала с 1С:ERP и тремя складами, 14 месяцев работы",
      submittedAt: ago(20),
    },
  ]);
}

/** After the replay: each unpriced purchase gets the discount of the status its partner held on its day (R2.4). */
export async function pricePurchaseHistory(ctx: SeedContext): Promise<void> {
  const { db } = ctx;
  const rows = await db
    .select({ purchase: s.purchases, product: s.editions.product, code: s.editions.code })
    .from(s.purchases)
    .leftJoin(s.editions, eq(s.editions.id, s.purchases.editionId))
    .where(isNull(s.purchases.status));
  for (const { purchase, product, code } of rows) {
    const day = moscowDay(purchase.purchasedAt);
    const terms = await db
      .select()
      .from(s.statusTerms)
      .where(and(eq(s.statusTerms.partnerId, purchase.partnerId)));
    const held = terms
      .filter((t) => t.startsOn <= day && (t.endsOn === null || day < t.endsOn))
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
    const status = held?.status ?? "business";
    const discountPercent = discountFor(status, product ?? "site_management");
    await db
      .update(s.purchases)
      .set({
        status,
        discountPercent,
        paidRub: partnerPrice(purchase.priceRub, discountPercent),
        points: pointsForPrice(purchase.priceRub),
        requestHash:
          purchase.requestHash || requestFingerprint({ kind: purchase.kind, editionCode: code ?? "" }),
      })
      .where(eq(s.purchases.id, purchase.id));
  }
}
