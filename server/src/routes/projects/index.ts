// R5.4: a partner's projects — add (the site checked at once, R5.4f; duplicate host R5.4h and the key's site
// count R5.4i refused with 409), list, edit (never recalculates points); the public list of published ones (R5.4b).
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, or } from "drizzle-orm";
import * as s from "../../db/schema/index.ts";
import { addProject, type ProjectDeps } from "../../program/projects/add.ts";
import { editProject } from "../../program/projects/edit.ts";
import { editionCodes, isPublished, projectView } from "../../program/projects/view.ts";
import { anyJson, jsonBody, partnerParams, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const params = partnerParams;
const projectParams = params.extend({ projectId: pathId("projectId") });

const client = z.object({
  name: z.string().trim().min(1).max(300),
  email: z.email().max(320).optional(),
  phone: z.string().trim().min(3).max(50).optional(),
});
const licenseOwner = z.object({
  name: z.string().trim().min(1).max(300),
  inn: z
    .string()
    .regex(/^(\d{10}|\d{12})$/, "10 or 12 digits")
    .optional(),
});
const NewProject = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    title: z.string().trim().min(1).max(300),
    editionCode: z.string().min(1).max(100),
    licenseKey: z.string().trim().min(5).max(200),
    client,
    licenseOwner,
    publishOnSite: z.boolean(),
    coDeveloperPartnerId: z.string().min(1).max(100).optional(),
  })
  .openapi("NewProject");
const ProjectEdit = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    client: client.optional(),
    licenseOwner: licenseOwner.optional(),
    publishOnSite: z.boolean().optional(),
    coDeveloperPartnerId: z.string().min(1).max(100).nullable().optional(),
  })
  .openapi("ProjectEdit");

const add = createRoute({
  method: "post",
  path: "/partners/{partnerId}/projects",
  tags: ["projects"],
  summary:
    "Add a project: the site is checked at once (A3 license header, A7 vendor product; A4, A6 reported)",
  request: { params, ...jsonBody(NewProject) },
  responses: { 201: anyJson("Added as a draft, awaiting moderation"), ...problems(401, 403, 409, 422) },
});
const list = createRoute({
  method: "get",
  path: "/partners/{partnerId}/projects",
  tags: ["projects"],
  summary: "The partner's projects (and joint projects it is named in), credited and not credited",
  request: { params },
  responses: { 200: anyJson("Projects"), ...problems(401, 403) },
});
const edit = createRoute({
  method: "patch",
  path: "/partners/{partnerId}/projects/{projectId}",
  tags: ["projects"],
  summary:
    "Edit a project; its points never change (R5.4h); a project accepted for review returns to moderation",
  request: {
    params: projectParams,
    ...jsonBody(ProjectEdit),
  },
  responses: { 200: anyJson("The project"), ...problems(401, 403, 404, 409, 422) },
});
const published = createRoute({
  method: "get",
  path: "/public/partners/{partnerId}/projects",
  tags: ["projects"],
  summary:
    "A partner's published projects: credited, with the client's consent to publication (R5.4b, R5.4g)",
  request: { params },
  responses: { 200: anyJson("Published projects") },
});

export function projectRoutes(deps: ProjectDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(add, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId } = c.req.valid("param");
      return c.json(await addProject(deps, partnerId, p.userId, c.req.valid("json")), 201);
    })
    .openapi(list, async (c) => {
      const { partnerId } = c.req.valid("param");
      const rows = await db
        .select()
        .from(s.projects)
        .where(or(eq(s.projects.partnerId, partnerId), eq(s.projects.coDeveloperId, partnerId)))
        .orderBy(desc(s.projects.submittedAt));
      const codes = await editionCodes(db);
      return c.json({ items: rows.map((r) => projectView(r, codes)) }, 200);
    })
    .openapi(edit, async (c) => {
      const { partnerId, projectId } = c.req.valid("param");
      const row = await editProject(deps, partnerId, projectId, c.req.valid("json"));
      return c.json(projectView(row, await editionCodes(db)), 200);
    })
    .openapi(published, async (c) => {
      const { partnerId } = c.req.valid("param");
      const rows = await db
        .select()
        .from(s.projects)
        .where(and(eq(s.projects.partnerId, partnerId), eq(s.projects.state, "credited")))
        .orderBy(desc(s.projects.creditedAt));
      return c.json(
        {
          items: rows.filter(isPublished).map((r) => ({
            host: r.host,
            url: r.url,
            title: r.title,
            creditedAt: r.creditedAt?.toISOString() ?? null,
          })),
        },
        200,
      );
    });
}
