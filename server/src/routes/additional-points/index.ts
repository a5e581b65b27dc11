// R5.3: additional-points requests by the partner's section users (R4E.4); the moderators' queue (overdue after
// 10 working days) and their decision, credited through recordAccrual, logged and mailed to the partner.
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { additionalPointsKinds } from "../../db/schema/index.ts";
import {
  decideRequest,
  moderationQueue,
  partnerRequests,
  requestView,
  submitRequest,
} from "../../program/additional-points/requests.ts";
import { json, jsonBody, partnerParams, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const RequestSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    kind: z.enum(additionalPointsKinds),
    description: z.string(),
    evidenceUrl: z.string().nullable(),
    state: z.enum(["pending", "approved", "rejected"]),
    points: z.number().int().nullable(),
    submittedAt: z.string(),
    decidedAt: z.string().nullable(),
    moderatorReason: z.string().nullable(),
  })
  .openapi("AdditionalPointsRequest");

const QueueItem = RequestSchema.extend({
  partnerName: z.string(),
  dueOn: z.string().openapi({ description: "The 10th working day after submission (Moscow)" }),
  overdue: z.boolean(),
}).openapi("AdditionalPointsQueueItem");

const requestParam = z.object({ requestId: pathId("requestId") });

const submit = createRoute({
  method: "post",
  path: "/partners/{partnerId}/additional-points",
  security: [{ session: [] }],
  tags: ["additional points"],
  summary: "Request additional points for marketing, a client review, support or a complex project (R5.3)",
  request: {
    params: partnerParams,
    ...jsonBody(
      z.object({
        kind: z.enum(additionalPointsKinds),
        description: z.string().trim().min(10).max(4000),
        evidenceUrl: z
          .url({ protocol: /^https?$/ })
          .max(2000)
          .optional(),
      }),
    ),
  },
  responses: { 201: json(RequestSchema, "Submitted"), ...problems(401, 403, 404, 409, 422) },
});

const mine = createRoute({
  method: "get",
  path: "/partners/{partnerId}/additional-points",
  security: [{ session: [] }],
  tags: ["additional points"],
  summary: "The partner's additional-points requests, newest first",
  request: { params: partnerParams },
  responses: { 200: json(z.object({ items: z.array(RequestSchema) }), "Requests"), ...problems(401, 403) },
});

const queue = createRoute({
  method: "get",
  path: "/moderation/additional-points",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Pending additional-points requests, oldest first; overdue after 10 working days (R5.3)",
  responses: { 200: json(z.object({ items: z.array(QueueItem) }), "Queue"), ...problems(401, 403) },
});

const decide = createRoute({
  method: "post",
  path: "/moderation/additional-points/{requestId}/decide",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Approve with an amount (credited at once) or decline; logged and mailed to the partner",
  request: {
    params: requestParam,
    ...jsonBody(
      z
        .object({
          approve: z.boolean(),
          points: z.number().int().min(1).max(1000).optional(),
          reason: z.string().trim().min(1).max(2000),
        })
        .superRefine((b, ctx) => {
          if (b.approve && b.points === undefined)
            ctx.addIssue({ code: "custom", path: ["points"], message: "An approval sets the amount" });
          if (!b.approve && b.points !== undefined)
            ctx.addIssue({ code: "custom", path: ["points"], message: "A refusal credits no points" });
        }),
    ),
  },
  responses: { 200: json(RequestSchema, "Decided"), ...problems(401, 403, 404, 409, 422) },
});

export function additionalPointsRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(submit, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId } = c.req.valid("param");
      const row = await submitRequest(db, { partnerId, userId: p.userId, ...c.req.valid("json") }, { clock });
      return c.json(requestView(row), 201);
    })
    .openapi(mine, async (c) => {
      const rows = await partnerRequests(db, c.req.valid("param").partnerId);
      return c.json({ items: rows.map(requestView) }, 200);
    })
    .openapi(queue, async (c) => c.json({ items: await moderationQueue(db, { clock }) }, 200))
    .openapi(decide, async (c) => {
      const p = signedIn(c.get("principal"));
      const row = await decideRequest(
        db,
        { requestId: c.req.valid("param").requestId, moderatorId: p.userId, decision: c.req.valid("json") },
        { clock },
      );
      return c.json(requestView(row), 200);
    });
}
