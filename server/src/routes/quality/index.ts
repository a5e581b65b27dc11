// R5.5: quality monitoring — stage 1 by the partner, the moderators' queue and call (stage 2), the questionnaire,
// and each client's results for the partner.
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { qmStates } from "../../db/schema/index.ts";
import { recordCall, rejectSubmission } from "../../program/quality/call.ts";
import { moderationQueue, partnerResults, questionnaire } from "../../program/quality/queries.ts";
import { submitQm } from "../../program/quality/submit.ts";
import { anyJson, jsonBody, partnerParams, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const submissionParams = z.object({ submissionId: pathId("submissionId") });

const submitBody = z.object({
  projectId: z.string().min(1).max(100),
  tests: z
    .array(
      z.object({
        code: z.string().min(1).max(100),
        passed: z.boolean(),
        explanation: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(100),
  clientContact: z.object({
    name: z.string().trim().min(1).max(200),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s()-]{6,30}$/, "телефон / a phone number"),
    email: z.email().max(200).optional(),
  }),
});

const submit = createRoute({
  method: "post",
  path: "/partners/{partnerId}/qm-submissions",
  tags: ["quality"],
  summary: "QM stage 1: quality monitor results and the client's contacts (R5.5a)",
  request: { params: partnerParams, ...jsonBody(submitBody) },
  responses: { 201: anyJson("Submitted, waiting for the call"), ...problems(401, 403, 404, 409, 422) },
});
const queue = createRoute({
  method: "get",
  path: "/moderation/qm-submissions",
  tags: ["quality"],
  summary: "The QM queue: submissions in a state (default: waiting for the call), oldest first",
  request: { query: z.object({ state: z.enum(qmStates).optional() }) },
  responses: { 200: anyJson("Submissions"), ...problems(401, 403, 422) },
});
const questions = createRoute({
  method: "get",
  path: "/qm/questionnaire",
  tags: ["quality"],
  summary: "The mandatory tests (R5.5a) and the call's questionnaire (R5.5b)",
  responses: { 200: anyJson("Tests and questions"), ...problems(401) },
});
const call = createRoute({
  method: "post",
  path: "/moderation/qm-submissions/{submissionId}/call",
  tags: ["quality"],
  summary: "QM stage 2: the call's ratings; completes the QM, credits the license's point cost (R5.5b)",
  request: {
    params: submissionParams,
    ...jsonBody(
      z.object({
        ratings: z
          .array(
            z.object({
              questionId: z.string().min(1).max(100),
              rating: z.number().int(),
              comment: z.string().max(2000).optional(),
            }),
          )
          .min(1)
          .max(100),
        note: z.string().max(2000).optional(),
      }),
    ),
  },
  responses: { 201: anyJson("Completed"), ...problems(401, 403, 404, 409, 422) },
});
const reject = createRoute({
  method: "post",
  path: "/moderation/qm-submissions/{submissionId}/reject",
  tags: ["quality"],
  summary: "Decline a QM submission with a reason (the project may be submitted again)",
  request: {
    params: submissionParams,
    ...jsonBody(z.object({ reason: z.string().trim().min(1).max(2000) })),
  },
  responses: { 200: anyJson("Declined"), ...problems(401, 403, 404, 409, 422) },
});
const results = createRoute({
  method: "get",
  path: "/partners/{partnerId}/qm-results",
  tags: ["quality"],
  summary: "Each client's QM results: tests, the call's ratings, points (R5.5b)",
  request: { params: partnerParams },
  responses: { 200: anyJson("Results"), ...problems(401, 403) },
});

export function qualityRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(submit, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId } = c.req.valid("param");
      const body = c.req.valid("json");
      const row = await submitQm(db, { partnerId, ...body, userId: p.userId }, { clock });
      c.get("logger").info(
        { qmSubmission: row.id, partnerId, projectId: row.projectId },
        "QM stage 1 submitted",
      );
      return c.json(
        {
          id: row.id,
          partnerId,
          projectId: row.projectId,
          state: row.state,
          submittedAt: row.submittedAt.toISOString(),
        },
        201,
      );
    })
    .openapi(queue, async (c) => {
      const { state } = c.req.valid("query");
      return c.json({ items: await moderationQueue(db, state) }, 200);
    })
    .openapi(questions, async (c) => c.json(await questionnaire(db), 200))
    .openapi(call, async (c) => {
      const p = signedIn(c.get("principal"));
      const { submissionId } = c.req.valid("param");
      const { ratings, note } = c.req.valid("json");
      const done = await recordCall(db, { submissionId, ratings, moderatorId: p.userId, note }, { clock });
      c.get("logger").info(
        {
          qmSubmission: submissionId,
          partnerId: done.partnerId,
          points: done.points,
          status: done.status.state.status,
        },
        "QM completed",
      );
      return c.json(
        {
          id: submissionId,
          state: "completed",
          partnerId: done.partnerId,
          points: done.points,
          status: done.status.state.status,
          qmParticipant: true,
        },
        201,
      );
    })
    .openapi(reject, async (c) => {
      const p = signedIn(c.get("principal"));
      const { submissionId } = c.req.valid("param");
      const { reason } = c.req.valid("json");
      await rejectSubmission(db, { submissionId, moderatorId: p.userId, reason }, { clock });
      c.get("logger").info({ qmSubmission: submissionId }, "QM declined");
      return c.json({ id: submissionId, state: "rejected" }, 200);
    })
    .openapi(results, async (c) => {
      const { partnerId } = c.req.valid("param");
      return c.json({ items: await partnerResults(db, partnerId) }, 200);
    });
}
