// R5.4a: the project moderation queue (oldest first; overdue after 5 working days, catalogue calendar) with the
// site check's evidence and the A6 mirror flag (R5.4k); the decision: credit, accept for review, reject.
import { createRoute, z } from "@hono/zod-openapi";
import type { ProjectDeps } from "../../program/projects/add.ts";
import { decideProject } from "../../program/projects/decide.ts";
import { projectQueue } from "../../program/projects/queue.ts";
import { anyJson, jsonBody, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

export { REVIEW_WORKING_DAYS } from "../../program/projects/queue.ts";

const queue = createRoute({
  method: "get",
  path: "/moderation/projects",
  tags: ["moderation"],
  summary: "Projects awaiting moderation (or in `state`), oldest first, with the site check's evidence",
  request: {
    query: z.object({ state: z.enum(["draft", "accepted_for_review", "credited", "rejected"]).optional() }),
  },
  responses: { 200: anyJson("Queue"), ...problems(401, 403, 422) },
});
const decide = createRoute({
  method: "post",
  path: "/moderation/projects/{projectId}/decide",
  tags: ["moderation"],
  summary: "Credit (points from the engine, R5.2, R5.4d), accept for review with a note, or reject",
  request: {
    params: z.object({ projectId: pathId("projectId") }),
    ...jsonBody(
      z.object({
        decision: z.enum(["credit", "accept_for_review", "reject"]),
        note: z.string().trim().max(2000).optional(),
      }),
    ),
  },
  responses: { 200: anyJson("Decided"), ...problems(401, 403, 404, 409, 422) },
});

export function projectModerationRoutes(deps: ProjectDeps) {
  const { db, clock } = deps;
  return createRouter()
    .openapi(queue, async (c) => {
      const state = c.req.valid("query").state ?? "draft";
      return c.json({ items: await projectQueue(db, state, { clock }) }, 200);
    })
    .openapi(decide, async (c) => {
      const p = signedIn(c.get("principal"));
      const { projectId } = c.req.valid("param");
      const { decision, note } = c.req.valid("json");
      return c.json(await decideProject(deps, p.userId, projectId, decision, note || undefined), 200);
    });
}
