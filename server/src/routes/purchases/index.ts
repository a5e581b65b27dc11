// R5.2, R2.4, R4E.3–4: purchases of renewals, upgrades, extra sites and extra portal users at the partner
// discount, by the partner's main and full users; credited exactly once per Idempotency-Key.
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { partnerStatuses, partners, purchaseKinds } from "../../db/schema/index.ts";
import { AppError, noSuchPartner } from "../../errors/index.ts";
import { buy } from "../../program/purchases/buy.ts";
import { IDEMPOTENCY_HEADER, parseIdempotencyKey } from "../../program/purchases/idempotency.ts";
import { listPurchases, purchaseView } from "../../program/purchases/view.ts";
import { json, jsonBody, partnerParams, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const code = z.string().trim().min(1).max(64);

const PurchaseBody = z
  .object({
    kind: z.enum(purchaseKinds),
    editionCode: code,
    targetEditionCode: code.optional(),
    quantity: z.number().int().min(1).max(10_000).optional(),
    licenseKey: z.string().trim().min(5).max(64).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === "upgrade" && !b.targetEditionCode)
      ctx.addIssue({
        code: "custom",
        path: ["targetEditionCode"],
        message: "An upgrade names its target edition",
      });
    if (b.kind !== "upgrade" && b.targetEditionCode)
      ctx.addIssue({
        code: "custom",
        path: ["targetEditionCode"],
        message: "Only an upgrade has a target edition",
      });
    if (b.kind === "upgrade" && b.targetEditionCode === b.editionCode)
      ctx.addIssue({
        code: "custom",
        path: ["targetEditionCode"],
        message: "An upgrade goes to another edition",
      });
    if ((b.kind === "renewal" || b.kind === "upgrade") && (b.quantity ?? 1) !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["quantity"],
        message: "Only extra sites and users have a quantity",
      });
  })
  .openapi("PurchaseRequest");

export const PurchaseSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    kind: z.enum(purchaseKinds),
    editionCode: z.string().nullable(),
    targetEditionCode: z.string().nullable(),
    quantity: z.number().int(),
    licenseKey: z.string().nullable(),
    issuedLicenseKey: z.string().nullable(),
    priceRub: z.number().int().openapi({ description: "End-user price (points are counted from it, R5.2)" }),
    discountPercent: z.number().int(),
    paidRub: z.number().int(),
    points: z.number().int(),
    status: z.literal("credited"),
    partnerStatus: z.enum(partnerStatuses).nullable(),
    purchasedAt: z.string(),
  })
  .openapi("Purchase");

const create = createRoute({
  method: "post",
  path: "/partners/{partnerId}/purchases",
  security: [{ session: [] }],
  tags: ["purchases"],
  summary: "Buy a renewal, upgrade, extra sites or extra portal users at the partner discount (R5.2, R2.4)",
  request: {
    params: partnerParams,
    headers: z.object({
      "idempotency-key": z.string().optional().openapi({
        description: "Required: a UUID (16–128 of A–Z a–z 0–9 . _ : -); a retry sends the same key",
      }),
    }),
    ...jsonBody(PurchaseBody),
  },
  responses: {
    201: json(PurchaseSchema, "Bought and credited"),
    200: json(PurchaseSchema, "The same key and request again: the stored purchase, not credited again"),
    ...problems(401, 403, 404, 409, 422),
  },
});

const list = createRoute({
  method: "get",
  path: "/partners/{partnerId}/purchases",
  security: [{ session: [] }],
  tags: ["purchases"],
  summary: "The partner's purchases, newest first",
  request: { params: partnerParams },
  responses: {
    200: json(z.object({ items: z.array(PurchaseSchema) }), "Purchases"),
    ...problems(401, 403, 404),
  },
});

export function purchaseRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(create, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId } = c.req.valid("param");
      const key = parseIdempotencyKey(c.req.valid("header")["idempotency-key"]);
      if (!key) {
        const message = `Нужен заголовок ${IDEMPOTENCY_HEADER} (UUID). / The ${IDEMPOTENCY_HEADER} header (a UUID) is required.`;
        throw new AppError("validation", message, [{ path: IDEMPOTENCY_HEADER, message }]);
      }
      const { purchase, created } = await buy(
        db,
        { partnerId, buyerUserId: p.userId, key, request: c.req.valid("json") },
        { clock },
      );
      const view = await purchaseView(db, purchase);
      return created ? c.json(view, 201) : c.json(view, 200);
    })
    .openapi(list, async (c) => {
      const { partnerId } = c.req.valid("param");
      const items = await listPurchases(db, partnerId);
      if (items.length === 0) {
        // An unknown partner is a 404, a partner without purchases an empty list.
        const [row] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
        if (!row) throw noSuchPartner();
      }
      return c.json({ items }, 200);
    });
}
