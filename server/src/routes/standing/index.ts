// GET /api/v1/partners/{partnerId}/standing: the partner cabinet's status, points, benefits and forecast
// (R2.6, R5.6, R3.2b), built from the stored facts by the rules engine (program/cabinet/standing.ts).
import { createRoute, z } from "@hono/zod-openapi";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { partnerStatuses } from "../../db/schema/index.ts";
import { notFound } from "../../errors/index.ts";
import { standingOf } from "../../program/cabinet/standing.ts";
import { json } from "../params.ts";
import { createRouter, problems } from "../router.ts";

export const CivilDateSchema = z
  .string()
  .openapi({ example: "2026-11-24", description: "Moscow civil date" });
const Shortfall = z.object({ course: z.string(), required: z.number().int(), have: z.number().int() });
const TargetSchema = z
  .object({
    status: z.enum(partnerStatuses),
    points: z.number().int(),
    by: CivilDateSchema.nullable(),
    missingCertificates: z.array(Shortfall),
    qmNeeded: z.boolean(),
  })
  .openapi("StandingTarget");

export const StandingSchema = z
  .object({
    partnerId: z.string(),
    on: CivilDateSchema,
    status: z.enum(partnerStatuses),
    since: CivilDateSchema,
    until: CivilDateSchema.nullable(),
    activePoints: z.number().int(),
    discountPercent: z.number().int(),
    nfrKeys: z.number().int(),
    competencies: z.array(z.string()),
    qmParticipant: z.boolean(),
    certifiedEmployees: z.number().int(),
    certificates: z.record(z.string(), z.number().int()),
    forecast: z.object({
      expiring: z.array(z.object({ on: CivilDateSchema, points: z.number().int() })),
      statusAtRisk: CivilDateSchema.nullable(),
      keep: TargetSchema.nullable(),
      next: TargetSchema.nullable(),
    }),
  })
  .openapi("Standing");

const route = createRoute({
  method: "get",
  path: "/partners/{partnerId}/standing",
  security: [{ session: [] }],
  tags: ["partners"],
  summary: "The partner's status, active points, benefits and forecast (partner cabinet)",
  request: {
    // Stricter than the shared partnerParams: partner ids are UUIDs, and this route's contract says so.
    params: z.object({
      partnerId: z.uuid().openapi({ param: { name: "partnerId", in: "path" }, example: crypto.randomUUID() }),
    }),
  },
  responses: {
    200: json(StandingSchema, "The partner's standing today"),
    ...problems(401, 403, 404, 422),
  },
});

export function standingRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter().openapi(route, async (c) => {
    const { partnerId } = c.req.valid("param");
    const standing = await standingOf(db, partnerId, moscowDay(clock.now()));
    if (!standing) throw notFound(`No partner ${partnerId}.`);
    return c.json(standing, 200);
  });
}
