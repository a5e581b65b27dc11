// GET /api/v1/partners/{partnerId}/standing: the partner cabinet's status, points, benefits and forecast
// (R2.6, R5.6, R3.2b), built from the stored facts by the rules engine.
import { createRoute, z } from "@hono/zod-openapi";
import {
  discountPercent,
  evaluatePartner,
  forecastPartner,
  rosterOn,
  statusNfrKeys,
} from "@partner-trust/rules";
import { eq } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { partnerStatuses, partners } from "../../db/schema/index.ts";
import { notFound } from "../../errors/index.ts";
import { loadCatalogue } from "../../program/catalogue/store.ts";
import { loadPartnerFacts } from "../../program/status/facts.ts";
import { stateOf } from "../../program/status/state.ts";
import { createRouter, problems } from "../router.ts";

const CivilDateSchema = z.string().openapi({ example: "2026-11-24", description: "Moscow civil date" });
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
    params: z.object({
      partnerId: z.uuid().openapi({ param: { name: "partnerId", in: "path" }, example: crypto.randomUUID() }),
    }),
  },
  responses: {
    200: {
      description: "The partner's standing today",
      content: { "application/json": { schema: StandingSchema } },
    },
    ...problems(401, 403, 404, 422),
  },
});

export function standingRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter().openapi(route, async (c) => {
    const { partnerId } = c.req.valid("param");
    const [row] = await db
      .select({
        status: partners.status,
        statusSince: partners.statusSince,
        statusUntil: partners.statusUntil,
      })
      .from(partners)
      .where(eq(partners.id, partnerId));
    const facts = row ? await loadPartnerFacts(db, partnerId) : null;
    if (!row || !facts) throw notFound(`No partner ${partnerId}.`);
    const on = moscowDay(clock.now());
    const catalogue = await loadCatalogue(db);
    // The stored state is what the badge and the discount use; the engine fills in the rest from the facts.
    const state = stateOf(row);
    const evaluated = evaluatePartner(facts, on, catalogue);
    const forecast = forecastPartner(facts, on, catalogue, state);
    return c.json(
      {
        partnerId,
        on,
        status: state.status,
        since: state.since,
        until: state.until,
        activePoints: evaluated.activePoints,
        discountPercent: discountPercent(state.status),
        nfrKeys: statusNfrKeys(state.status),
        competencies: evaluated.competencies,
        qmParticipant: evaluated.qmParticipant,
        certifiedEmployees: rosterOn(facts.employeeEvents, on).size,
        certificates: evaluated.certificates,
        forecast,
      },
      200,
    );
  });
}
