// R5.2: published mobile apps — the partner's sections users (R4E.4) add them (a store page already listed is a
// 409 naming storeUrl) and list them; moderators see the pending ones, oldest first, with the points each would
// give, and credit or refuse each once.
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { addApp, appsWhere } from "../../program/mobile-apps/apps.ts";
import { decideApp, moderationQueue } from "../../program/mobile-apps/decide.ts";
import { anyJson, jsonBody, partnerParams, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const NewMobileApp = z
  .object({
    title: z.string().trim().min(1).max(300),
    storeUrl: z
      .url({ protocol: /^https$/ })
      .max(2000)
      .openapi({
        description:
          "The app's page in a store: apps.apple.com, play.google.com, apps.rustore.ru or appgallery.huawei.com",
      }),
    editionId: z.string().min(1).max(100).openapi({
      description: "The edition the app is built on: its `code` in GET /api/v1/catalogue/editions",
    }),
    clientName: z.string().trim().min(1).max(300),
  })
  .openapi("NewMobileApp");

const add = createRoute({
  method: "post",
  path: "/partners/{partnerId}/mobile-apps",
  tags: ["mobile-apps"],
  summary: "Add a published mobile app built on a vendor edition (R5.2): pending until a moderator checks it",
  request: { params: partnerParams, ...jsonBody(NewMobileApp) },
  responses: { 201: anyJson("Added, pending moderation"), ...problems(401, 403, 409, 422) },
});
const list = createRoute({
  method: "get",
  path: "/partners/{partnerId}/mobile-apps",
  tags: ["mobile-apps"],
  summary: "The partner's mobile apps with their state, points and the moderator's note, newest first",
  request: { params: partnerParams },
  responses: { 200: anyJson("Mobile apps"), ...problems(401, 403) },
});
const queue = createRoute({
  method: "get",
  path: "/moderation/mobile-apps",
  tags: ["moderation"],
  summary: "Mobile apps awaiting moderation, oldest first, with the points each would give (R5.2)",
  responses: { 200: anyJson("Queue"), ...problems(401, 403) },
});
const decide = createRoute({
  method: "post",
  path: "/moderation/mobile-apps/{appId}/decide",
  tags: ["moderation"],
  summary: "Credit (points from the edition's price, R5.2) or refuse with a note; decided once",
  request: {
    params: z.object({ appId: pathId("appId") }),
    ...jsonBody(z.object({ credit: z.boolean(), note: z.string().trim().max(2000).optional() })),
  },
  responses: { 200: anyJson("Decided"), ...problems(401, 403, 404, 409, 422) },
});

export function mobileAppRoutes(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return createRouter()
    .openapi(add, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId } = c.req.valid("param");
      return c.json(
        await addApp(db, { ...c.req.valid("json"), partnerId, userId: p.userId }, { clock }),
        201,
      );
    })
    .openapi(list, async (c) => {
      const { partnerId } = c.req.valid("param");
      return c.json({ items: await appsWhere(db, { partnerId }) }, 200);
    })
    .openapi(queue, async (c) => c.json({ items: await moderationQueue(db, { clock }) }, 200))
    .openapi(decide, async (c) => {
      const p = signedIn(c.get("principal"));
      const { appId } = c.req.valid("param");
      return c.json(
        await decideApp(db, { appId, moderatorId: p.userId, decision: c.req.valid("json") }, { clock }),
        200,
      );
    });
}
