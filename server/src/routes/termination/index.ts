// R1.5a–c: POST/GET /api/v1/partners/{partnerId}/termination and the staff's cancellation before the date.
import { createRoute, z } from "@hono/zod-openapi";
import { isCivilDate } from "@partner-trust/rules";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { terminationInitiators } from "../../db/schema/index.ts";
import { forbidden, notFound } from "../../errors/index.ts";
import { cancelTermination, scheduleTermination, terminationsOf } from "../../program/lifecycle/terminate.ts";
import { json, jsonBody, partnerParams, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const params = partnerParams;
const civilDate = z
  .string()
  .refine(isCivilDate, "Дата в формате ГГГГ-ММ-ДД / A date as YYYY-MM-DD")
  .openapi({ example: "2027-01-15" });

const Termination = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    by: z.enum(terminationInitiators),
    on: z.string(),
    noticeOn: z.string(),
    reason: z.string().nullable(),
    state: z.enum(["scheduled", "ended", "cancelled"]),
    requestedBy: z.string(),
    requestedAt: z.string(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
  })
  .openapi("Termination");

const schedule = createRoute({
  method: "post",
  path: "/partners/{partnerId}/termination",
  security: [{ session: [] }],
  tags: ["partners"],
  summary:
    "Terminate the partnership (R1.5): by the partner's main user (≥ one month's notice), the vendor or by agreement (staff)",
  request: {
    params,
    ...jsonBody(
      z.object({
        by: z.enum(terminationInitiators),
        on: civilDate,
        reason: z.string().trim().max(2000).optional(),
      }),
    ),
  },
  responses: {
    201: {
      description: "Scheduled (or, dated today, in effect)",
      content: { "application/json": { schema: Termination } },
    },
    ...problems(401, 403, 404, 409, 422),
  },
});

const read = createRoute({
  method: "get",
  path: "/partners/{partnerId}/termination",
  security: [{ session: [] }],
  tags: ["partners"],
  summary: "The scheduled or ended termination, with the cancelled ones in `history`",
  request: { params },
  responses: {
    200: json(Termination.extend({ history: z.array(Termination) }), "The termination"),
    ...problems(401, 403, 404),
  },
});

const cancel = createRoute({
  method: "post",
  path: "/partners/{partnerId}/termination/cancel",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Cancel a scheduled termination before its date (staff)",
  request: {
    params,
    ...jsonBody(z.object({ reason: z.string().trim().min(1).max(2000) })),
  },
  responses: {
    200: json(Termination, "Cancelled"),
    ...problems(401, 403, 404, 409, 422),
  },
});

export function terminationRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(schedule, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId } = c.req.valid("param");
      const input = c.req.valid("json");
      if (input.by === "partner") {
        // R1.5b: the partner's own notice comes from its main user.
        const main = p.partnerLinks.some(
          (l) => l.partnerId === partnerId && l.level === "main" && l.invitation === "accepted",
        );
        if (!main)
          throw forbidden(
            "Уведомить о прекращении может только главный пользователь партнёра / Only the partner's main user may give notice.",
          );
      } else if (!p.roles.some((r) => r === "admin" || r === "moderator")) {
        throw forbidden(
          "Прекращение по инициативе вендора или по соглашению оформляет модератор / A vendor or agreed termination is recorded by a moderator.",
        );
      }
      return c.json(await scheduleTermination(db, partnerId, input, p.userId, { clock }), 201);
    })
    .openapi(read, async (c) => {
      const { partnerId } = c.req.valid("param");
      const { current, history } = await terminationsOf(db, partnerId, { clock });
      if (!current)
        throw notFound("Прекращение партнёрства не назначено / No termination is scheduled or ended.");
      return c.json({ ...current, history }, 200);
    })
    .openapi(cancel, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId } = c.req.valid("param");
      const { reason } = c.req.valid("json");
      return c.json(await cancelTermination(db, partnerId, { userId: p.userId, reason }, { clock }), 200);
    });
}
