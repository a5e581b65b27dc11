// R5.2: a module's publication claim by the partner's marketplace group (R4E.6), the moderators' queue (oldest
// first, no due term in the rules) and their decision — credited (points from the price, through recordAccrual)
// or rejected with a note; logged and mailed to the partner in the same write batch.
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { PublicationClaimSchema } from "../../program/marketplace/input.ts";
import {
  claimPublication,
  decidePublication,
  pendingPublications,
} from "../../program/marketplace/publication.ts";
import { actorAt, json, jsonBody, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";
import { ModuleSchema, moduleParams, moduleView } from "./index.ts";

const QueueItem = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    partnerId: z.string(),
    partnerName: z.string(),
    marketplaceUrl: z.string(),
    priceRub: z.number().int(),
    points: z
      .number()
      .int()
      .openapi({ description: "The points a credit gives: round-half-up(price / 1000)" }),
    submittedAt: z.string(),
  })
  .openapi("MarketplacePublicationQueueItem");

const claim = createRoute({
  method: "post",
  path: "/partners/{partnerId}/marketplace-modules/{moduleId}/publication",
  security: [{ session: [] }],
  tags: ["marketplace"],
  summary:
    "Claim points for a module published in Marketplace (R5.2): its Marketplace page and end-user price",
  request: { params: moduleParams, ...jsonBody(PublicationClaimSchema) },
  responses: {
    200: json(ModuleSchema, "The module, its claim pending"),
    ...problems(401, 403, 404, 409, 422),
  },
});

const queue = createRoute({
  method: "get",
  path: "/moderation/marketplace-publications",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Pending Marketplace publication claims, oldest first, with the points each would give (R5.2)",
  responses: { 200: json(z.object({ items: z.array(QueueItem) }), "Queue"), ...problems(401, 403) },
});

const decide = createRoute({
  method: "post",
  path: "/moderation/marketplace-publications/{moduleId}/decide",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Credit a publication claim (points from the price) or reject it with a note; logged and mailed",
  request: {
    params: z.object({ moduleId: pathId("moduleId") }),
    ...jsonBody(
      z
        .object({ credit: z.boolean(), note: z.string().trim().min(1).max(2000).optional() })
        .refine((b) => b.credit || b.note, {
          path: ["note"],
          message: "Укажите причину отказа / A refusal needs a note",
        }),
    ),
  },
  responses: { 200: json(ModuleSchema, "Decided"), ...problems(401, 403, 404, 409, 422) },
});

export function marketplacePublicationRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(claim, async (c) => {
      const { partnerId, moduleId } = c.req.valid("param");
      const by = actorAt(c.get("principal"), clock);
      return c.json(
        moduleView(await claimPublication(db, partnerId, moduleId, c.req.valid("json"), by)),
        200,
      );
    })
    .openapi(queue, async (c) => {
      const items = (await pendingPublications(db)).map((p) => ({
        ...p,
        submittedAt: p.submittedAt.toISOString(),
      }));
      return c.json({ items }, 200);
    })
    .openapi(decide, async (c) => {
      const { moduleId } = c.req.valid("param");
      const moderatorId = signedIn(c.get("principal")).userId;
      const m = await decidePublication(db, { moduleId, moderatorId, ...c.req.valid("json") }, { clock });
      return c.json(moduleView(m), 200);
    });
}
