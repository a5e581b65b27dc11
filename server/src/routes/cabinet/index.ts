// GET /api/v1/partners/{partnerId}/cabinet: the partner cabinet's data in one call (R2.6) — status and its
// dates, active points, certified employees, the engine's forecast, pending changes, notifications.
import { createRoute, z } from "@hono/zod-openapi";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { partnerStatuses } from "../../db/schema/index.ts";
import { notFound } from "../../errors/index.ts";
import { notifications, pendingChanges } from "../../program/cabinet/inbox.ts";
import { standingOf } from "../../program/cabinet/standing.ts";
import { json, partnerParams } from "../params.ts";
import { createRouter, problems } from "../router.ts";
import { CivilDateSchema, StandingSchema } from "../standing/index.ts";

const CabinetSchema = z
  .object({
    partnerId: z.string(),
    on: CivilDateSchema,
    status: z.enum(partnerStatuses),
    statusSince: CivilDateSchema,
    statusUntil: CivilDateSchema.nullable(),
    activePoints: z.number().int(),
    certifiedEmployees: z.number().int(),
    forecast: StandingSchema.shape.forecast,
    pendingChanges: z.object({
      cardVersions: z.array(
        z.object({
          id: z.string(),
          version: z.number().int(),
          submittedAt: z.string(),
          fields: z
            .array(z.string())
            .openapi({ description: "Fields that differ from the approved version" }),
        }),
      ),
      domains: z.array(
        z.object({ host: z.string(), verification: z.enum(["pending", "failed"]), createdAt: z.string() }),
      ),
    }),
    notifications: z.array(
      z.object({
        id: z.string(),
        to: z.string(),
        subject: z.string(),
        state: z.enum(["pending", "sent", "failed"]),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi("Cabinet");

const route = createRoute({
  method: "get",
  path: "/partners/{partnerId}/cabinet",
  security: [{ session: [] }],
  tags: ["partners"],
  summary:
    "The partner cabinet (R2.6): status and dates, points, certified employees, forecast, pending changes, notifications",
  request: {
    params: partnerParams,
    query: z.object({
      notifications: z.coerce.number().int().min(0).max(100).default(20).openapi({
        description: "How many of the newest e-mails to list",
      }),
    }),
  },
  responses: {
    200: json(CabinetSchema, "The cabinet"),
    ...problems(401, 403, 404, 422),
  },
});

export function cabinetRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter().openapi(route, async (c) => {
    const { partnerId } = c.req.valid("param");
    const standing = await standingOf(db, partnerId, moscowDay(clock.now()));
    if (!standing) throw notFound(`No partner ${partnerId}.`);
    return c.json(
      {
        partnerId,
        on: standing.on,
        status: standing.status,
        statusSince: standing.since,
        statusUntil: standing.until,
        activePoints: standing.activePoints,
        certifiedEmployees: standing.certifiedEmployees,
        forecast: standing.forecast,
        pendingChanges: await pendingChanges(db, partnerId),
        notifications: await notifications(db, partnerId, c.req.valid("query").notifications),
      },
      200,
    );
  });
}
