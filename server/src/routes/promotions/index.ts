// R7.2: promotions — Certified and Gold partners submit, moderators decide (logged), everyone sees the
// promotions in their period (at most six months), newest added first.
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import {
  decidePromotion,
  partnerPromotions,
  pendingPromotions,
  publicPromotions,
  submitPromotion,
} from "../../program/promotions/promotions.ts";
import { json, jsonBody, partnerParams, pathId, refusalReason, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const PromotionSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    title: z.string(),
    body: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    shownUntil: z.string(),
    state: z.enum(["pending", "approved", "rejected"]),
    moderatorNote: z.string().nullable(),
    addedAt: z.string(),
  })
  .openapi("Promotion");
const PublicPromotionSchema = PromotionSchema.omit({ state: true, moderatorNote: true })
  .extend({ partnerName: z.string(), partnerStatus: z.string() })
  .openapi("PublicPromotion");
const QueuedPromotionSchema = PromotionSchema.extend({ partnerName: z.string(), partnerStatus: z.string() });

const submit = createRoute({
  method: "post",
  path: "/partners/{partnerId}/promotions",
  security: [{ session: [] }],
  tags: ["promotions"],
  summary: "Submit a promotion for moderation (R7.2: Certified and Gold only)",
  request: {
    params: partnerParams,
    ...jsonBody(
      z.object({
        title: z.string().trim().min(3).max(200),
        body: z.string().trim().min(10).max(5000),
        startsOn: z.iso.date(),
        endsOn: z.iso.date(),
      }),
    ),
  },
  responses: { 201: json(PromotionSchema, "Submitted"), ...problems(401, 403, 404, 422) },
});
const own = createRoute({
  method: "get",
  path: "/partners/{partnerId}/promotions",
  security: [{ session: [] }],
  tags: ["promotions"],
  summary: "The partner's promotions in every state",
  request: { params: partnerParams },
  responses: { 200: json(z.object({ items: z.array(PromotionSchema) })), ...problems(401, 403) },
});
const queue = createRoute({
  method: "get",
  path: "/moderation/promotions",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Promotions awaiting moderation, oldest first",
  responses: { 200: json(z.object({ items: z.array(QueuedPromotionSchema) })), ...problems(401, 403) },
});
const decide = createRoute({
  method: "post",
  path: "/moderation/promotions/{promotionId}/decide",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Approve or reject (reason required) a promotion",
  request: {
    params: z.object({ promotionId: pathId("promotionId") }),
    ...jsonBody(z.object({ approve: z.boolean(), reason: z.string().trim().min(1).max(2000).optional() })),
  },
  responses: {
    200: json(z.object({ id: z.string(), state: z.enum(["approved", "rejected"]) })),
    ...problems(401, 403, 404, 409, 422),
  },
});
const list = createRoute({
  method: "get",
  path: "/public/promotions",
  tags: ["public"],
  summary: "Current promotions of Certified and Gold partners, newest added first (R7.2)",
  responses: { 200: json(z.object({ items: z.array(PublicPromotionSchema) })) },
});

export function promotionRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(submit, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId } = c.req.valid("param");
      return c.json(await submitPromotion(db, partnerId, c.req.valid("json"), p.userId, { clock }), 201);
    })
    .openapi(own, async (c) =>
      c.json({ items: await partnerPromotions(db, c.req.valid("param").partnerId) }, 200),
    )
    .openapi(queue, async (c) => c.json({ items: await pendingPromotions(db) }, 200))
    .openapi(decide, async (c) => {
      const p = signedIn(c.get("principal"));
      const { approve, reason } = c.req.valid("json");
      const { promotionId } = c.req.valid("param");
      return c.json(
        await decidePromotion(
          db,
          promotionId,
          { approve, reason: refusalReason(approve, reason), actorUserId: p.userId },
          { clock },
        ),
        200,
      );
    })
    .openapi(list, async (c) => c.json({ items: await publicPromotions(db, { clock }) }, 200));
}
