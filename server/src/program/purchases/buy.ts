// R5.2: a purchase at the partner discount (R2.4), credited with main points at once and exactly once: the
// purchase row (unique per partner and idempotency key) and the accrual go in ONE write batch with the status
// (recordAccrual), so a retried or racing request either finds the stored purchase or fails whole.

import { pointsForPrice } from "@partner-trust/rules";
import { and, eq } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import { isUniqueViolation } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { AppError, conflict, noSuchPartner } from "../../errors/index.ts";
import { recordAccrual } from "../status/apply.ts";
import { newLicenseKey } from "../status/keys.ts";
import { fingerprint, IDEMPOTENCY_HEADER } from "./idempotency.ts";
import { discountFor, partnerPrice, unitPrice } from "./prices.ts";

export type PurchaseRequest = {
  kind: s.PurchaseKind;
  editionCode: string;
  targetEditionCode?: string | undefined;
  quantity?: number | undefined;
  licenseKey?: string | undefined;
};

export type Purchase = typeof s.purchases.$inferSelect;

/** The request as compared for a retried key: defaults filled in, so `quantity: 1` and no quantity are one request. */
export function requestFingerprint(request: PurchaseRequest): string {
  return fingerprint({
    kind: request.kind,
    editionCode: request.editionCode,
    targetEditionCode: request.targetEditionCode ?? null,
    quantity: request.quantity ?? 1,
    licenseKey: request.licenseKey ?? null,
  });
}

const unprocessable = (path: string, message: string) =>
  new AppError("validation", message, [{ path, message }]);

/** The stored purchase of this partner under this key, checked against the request (IETF draft: 422 on misuse). */
async function replay(db: Db, partnerId: string, key: string, hash: string): Promise<Purchase | undefined> {
  const [row] = await db
    .select()
    .from(s.purchases)
    .where(and(eq(s.purchases.partnerId, partnerId), eq(s.purchases.idempotencyKey, key)));
  if (row && row.requestHash !== hash) {
    throw unprocessable(
      IDEMPOTENCY_HEADER,
      `Ключ ${IDEMPOTENCY_HEADER} уже использован для другой покупки. / ` +
        `This ${IDEMPOTENCY_HEADER} was already used for a different purchase request.`,
    );
  }
  return row;
}

async function edition(db: Db, code: string, path: string) {
  const [row] = await db.select().from(s.editions).where(eq(s.editions.code, code));
  if (!row) throw unprocessable(path, `Нет редакции «${code}». / No edition "${code}".`);
  return row;
}

/** Returns the purchase and whether it was made now (false: the stored one, for a retried key). */
export async function buy(
  db: Db,
  input: { partnerId: string; buyerUserId: string; key: string; request: PurchaseRequest },
  { clock }: { clock: Clock },
): Promise<{ purchase: Purchase; created: boolean }> {
  const { partnerId, key, request } = input;
  const quantity = request.quantity ?? 1;
  const hash = requestFingerprint(request);
  const stored = await replay(db, partnerId, key, hash);
  if (stored) return { purchase: stored, created: false };

  const [partner] = await db.select().from(s.partners).where(eq(s.partners.id, partnerId));
  if (!partner) throw noSuchPartner();
  // R1.5c: a terminated partner has no discount and earns no points: it buys as an end user, not here.
  if (partner.status === "none")
    throw conflict("Партнёрство прекращено: покупки недоступны. / The partnership has ended: no purchases.");

  const from = await edition(db, request.editionCode, "editionCode");
  const to = request.targetEditionCode
    ? await edition(db, request.targetEditionCode, "targetEditionCode")
    : undefined;
  const unit = await unitPrice(db, request.kind, from.code, to?.code ?? "");
  if (unit === undefined) {
    const what = to ? `${from.code} → ${to.code}` : from.code;
    throw unprocessable(
      to ? "targetEditionCode" : "editionCode",
      `«${request.kind}» для ${what} не продаётся. / "${request.kind}" is not sold for ${what}.`,
    );
  }
  const priceRub = unit * quantity;
  const discountPercent = discountFor(partner.status, (to ?? from).product);
  const now = clock.now();
  const id = crypto.randomUUID();
  const row = {
    id,
    partnerId,
    idempotencyKey: key,
    requestHash: hash,
    buyerUserId: input.buyerUserId,
    kind: request.kind,
    editionId: from.id,
    targetEditionId: to?.id ?? null,
    quantity,
    licenseKey: request.licenseKey ?? null,
    // The upgrade creates the license of the target edition: a new key in the program's key format.
    issuedLicenseKey: request.kind === "upgrade" ? newLicenseKey("LIC") : null,
    status: partner.status,
    priceRub,
    discountPercent,
    paidRub: partnerPrice(priceRub, discountPercent),
    // R5.2: points from the end-user price, not from what the partner paid.
    points: pointsForPrice(priceRub),
    purchasedAt: now,
    createdAt: now,
  } satisfies typeof s.purchases.$inferInsert;
  try {
    await recordAccrual(
      db,
      { partnerId, day: moscowDay(now), points: row.points, sourceType: "purchase", sourceId: id },
      { clock },
      [db.insert(s.purchases).values(row).getSQL()],
    );
  } catch (err) {
    // A request with the same key won the race: its purchase is the answer (and the only credit).
    if (!isUniqueViolation(err)) throw err;
    const winner = await replay(db, partnerId, key, hash);
    if (!winner) throw err;
    return { purchase: winner, created: false };
  }
  const [purchase] = await db.select().from(s.purchases).where(eq(s.purchases.id, id));
  return { purchase: purchase!, created: true };
}
