// R1.2b: the application moderation queue (overdue after 3 working days, catalogue calendar),
// reject with a reason, ask for more information; the applicant answers. Every decision is logged
// in the moderation log and mailed to the applicant (Russian first, English second). R1.2c: approval
// (program/lifecycle/approve.ts) creates the partner, its contract and main user.
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../../auth/principal.ts";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { applications } from "../../db/schema/index.ts";
import { conflict, forbidden, notFound } from "../../errors/index.ts";
import { applicationQueue, decideApplication } from "../../program/applications/moderation.ts";
import { approveApplication } from "../../program/lifecycle/approve.ts";
import { json, jsonBody, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

export { REVIEW_WORKING_DAYS } from "../../program/applications/moderation.ts";

const QueueItem = z
  .object({
    id: z.string(),
    companyName: z.string(),
    inn: z.string(),
    companyType: z.string(),
    contactEmail: z.string(),
    submittedAt: z.string(),
    overdue: z.boolean(),
  })
  .openapi("ApplicationQueueItem");

const idParam = z.object({ applicationId: pathId("applicationId") });
const reasonBody = jsonBody(z.object({ reason: z.string().trim().min(1).max(2000) }));
const done = json(z.object({ state: z.string() }), "Done");

const queue = createRoute({
  method: "get",
  path: "/moderation/applications",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Applications awaiting moderation, oldest first",
  responses: {
    200: json(z.object({ items: z.array(QueueItem) }), "Queue"),
    ...problems(401, 403),
  },
});
const reject = createRoute({
  method: "post",
  path: "/moderation/applications/{applicationId}/reject",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Reject an application with a reason",
  request: { params: idParam, ...reasonBody },
  responses: { 200: done, ...problems(401, 403, 404, 409, 422) },
});
const askInfo = createRoute({
  method: "post",
  path: "/moderation/applications/{applicationId}/request-info",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Ask the applicant for more information",
  request: { params: idParam, ...reasonBody },
  responses: { 200: done, ...problems(401, 403, 404, 409, 422) },
});
const approve = createRoute({
  method: "post",
  path: "/moderation/applications/{applicationId}/approve",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary:
    "Approve an application (R1.2c): the partner with status Business, its electronic contract, the applicant as main user",
  request: {
    params: idParam,
    ...jsonBody(z.object({ note: z.string().trim().max(2000).optional() })),
  },
  responses: {
    201: json(
      z
        .object({
          partnerId: z.string(),
          status: z.literal("business"),
          contractNumber: z.string(),
          contractDate: z.string(),
          mainUserId: z.string(),
        })
        .openapi("ApplicationApproval"),
      "Approved",
    ),
    ...problems(401, 403, 404, 409, 422),
  },
});
const answer = createRoute({
  method: "post",
  path: "/applications/{applicationId}/answer",
  security: [{ session: [] }],
  tags: ["applications"],
  summary: "The applicant answers the moderator's question; the application returns to the queue",
  request: {
    params: idParam,
    ...jsonBody(z.object({ answer: z.string().trim().min(1).max(4000) })),
  },
  responses: { 200: done, ...problems(401, 403, 404, 409, 422) },
});

export function applicationModerationRoutes({ db, clock }: { db: Db; clock: Clock }) {
  // Reject and request-info differ only in the state the application moves to.
  const decide = (
    p: Principal | null,
    { applicationId }: { applicationId: string },
    { reason }: { reason: string },
    to: "rejected" | "needs_info",
  ) => decideApplication(db, { applicationId, actorUserId: signedIn(p).userId, to, reason }, { clock });
  return createRouter()
    .openapi(queue, async (c) => {
      const items = (await applicationQueue(db, { clock })).map((r) => ({
        id: r.id,
        companyName: r.companyName,
        inn: r.inn,
        companyType: r.legalKind,
        contactEmail: r.contactEmail,
        submittedAt: r.submittedAt.toISOString(),
        overdue: r.overdue,
      }));
      return c.json({ items }, 200);
    })
    .openapi(reject, async (c) =>
      c.json(await decide(c.get("principal"), c.req.valid("param"), c.req.valid("json"), "rejected"), 200),
    )
    .openapi(askInfo, async (c) =>
      c.json(await decide(c.get("principal"), c.req.valid("param"), c.req.valid("json"), "needs_info"), 200),
    )
    .openapi(approve, async (c) => {
      const p = signedIn(c.get("principal"));
      const { applicationId } = c.req.valid("param");
      const { note } = c.req.valid("json");
      return c.json(await approveApplication(db, applicationId, { userId: p.userId, note }, { clock }), 201);
    })
    .openapi(answer, async (c) => {
      const p = signedIn(c.get("principal"));
      const { applicationId } = c.req.valid("param");
      const [app] = await db.select().from(applications).where(eq(applications.id, applicationId));
      if (!app) throw notFound("No such application.");
      if (app.userId !== p.userId) throw forbidden("Only the applicant may answer.");
      if (app.state !== "needs_info") throw conflict("The application is not waiting for an answer.");
      const note = `${app.moderatorNote ?? ""}\n---\n${c.req.valid("json").answer}`;
      await db
        .update(applications)
        .set({ state: "submitted", moderatorNote: note })
        .where(and(eq(applications.id, applicationId), eq(applications.state, "needs_info")));
      return c.json({ state: "submitted" }, 200);
    });
}
