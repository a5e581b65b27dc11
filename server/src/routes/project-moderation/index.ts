// R5.4a: the project moderation queue (oldest first; overdue after 5 working days, catalogue calendar) with the
// site check's evidence and the A6 mirror flag (R5.4k); the decision: credit, accept for review, reject.
import { createRoute, z } from "@hono/zod-openapi";
import { type CivilDate, isOverdue } from "@partner-trust/rules";
import { asc, eq, inArray } from "drizzle-orm";
import { moscowDay } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { unauthenticated } from "../../errors/index.ts";
import type { ProjectDeps } from "../../program/projects/add.ts";
import { decideProject } from "../../program/projects/decide.ts";
import { editionCodes, evidenceOf, projectView } from "../../program/projects/view.ts";
import { json, pathId } from "../params.ts";
import { createRouter, problems } from "../router.ts";

/** R5.4a: reviewed and published within 5 working days. */
export const REVIEW_WORKING_DAYS = 5;

const ok = (description: string) => json(z.any(), description);

const queue = createRoute({
  method: "get",
  path: "/moderation/projects",
  tags: ["moderation"],
  summary: "Projects awaiting moderation (or in `state`), oldest first, with the site check's evidence",
  request: {
    query: z.object({ state: z.enum(["draft", "accepted_for_review", "credited", "rejected"]).optional() }),
  },
  responses: { 200: ok("Queue"), ...problems(401, 403, 422) },
});
const decide = createRoute({
  method: "post",
  path: "/moderation/projects/{projectId}/decide",
  tags: ["moderation"],
  summary: "Credit (points from the engine, R5.2, R5.4d), accept for review with a note, or reject",
  request: {
    params: z.object({ projectId: pathId("projectId") }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            decision: z.enum(["credit", "accept_for_review", "reject"]),
            note: z.string().trim().max(2000).optional(),
          }),
        },
      },
    },
  },
  responses: { 200: ok("Decided"), ...problems(401, 403, 404, 409, 422) },
});

export function projectModerationRoutes(deps: ProjectDeps) {
  const { db, clock } = deps;
  return createRouter()
    .openapi(queue, async (c) => {
      const state = c.req.valid("query").state ?? "draft";
      const rows = await db
        .select({ project: s.projects, partnerName: s.partners.name })
        .from(s.projects)
        .innerJoin(s.partners, eq(s.partners.id, s.projects.partnerId))
        .where(eq(s.projects.state, state))
        .orderBy(asc(s.projects.submittedAt));
      const codes = await editionCodes(db);
      const evidence = await evidenceOf(
        db,
        rows.flatMap((r) => (r.project.auditReportId ? [r.project.auditReportId] : [])),
      );
      const mirrorIds = rows.flatMap((r) => (r.project.mirrorOfId ? [r.project.mirrorOfId] : []));
      const mirrors = new Map(
        mirrorIds.length
          ? (
              await db
                .select({ id: s.projects.id, host: s.projects.host, partnerId: s.projects.partnerId })
                .from(s.projects)
                .where(inArray(s.projects.id, mirrorIds))
            ).map((m) => [m.id, m])
          : [],
      );
      const days = await db.select().from(s.calendarDays);
      const calendar = {
        holidays: days.filter((d) => d.kind === "holiday").map((d) => d.day),
        workingWeekends: days.filter((d) => d.kind === "working_weekend").map((d) => d.day),
      };
      const today = moscowDay(clock.now()) as CivilDate;
      const items = rows.map(({ project: p, partnerName }) => {
        const view = projectView(p, codes);
        const mirror = p.mirrorOfId ? mirrors.get(p.mirrorOfId) : undefined;
        return {
          ...view,
          partnerName,
          mirrorOf: view.mirrorOf && {
            ...view.mirrorOf,
            host: mirror?.host ?? null,
            partnerId: mirror?.partnerId ?? null,
          },
          evidence: p.auditReportId ? (evidence.get(p.auditReportId) ?? []) : [],
          overdue:
            p.state === "draft" &&
            isOverdue(moscowDay(p.submittedAt) as CivilDate, today, REVIEW_WORKING_DAYS, calendar),
        };
      });
      return c.json({ items }, 200);
    })
    .openapi(decide, async (c) => {
      const p = c.get("principal");
      if (!p) throw unauthenticated();
      const { projectId } = c.req.valid("param");
      const { decision, note } = c.req.valid("json");
      return c.json(await decideProject(deps, p.userId, projectId, decision, note || undefined), 200);
    });
}
