// R4E.6: Marketplace modules and their updates — the partner's marketplace group lists, adds and edits them.
import { createRoute, z } from "@hono/zod-openapi";
import type { Principal } from "../../auth/principal.ts";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { modulePublicationStates } from "../../db/schema/index.ts";
import {
  ModuleInputSchema,
  moduleDescription,
  moduleTitle,
  UpdateInputSchema,
} from "../../program/marketplace/input.ts";
import {
  addModule,
  addUpdate,
  editModule,
  listModules,
  type ModuleView,
  moduleRevisions,
} from "../../program/marketplace/modules.ts";
import { actorAt, json, jsonBody, partnerParams, pathId } from "../params.ts";
import { createRouter, problems } from "../router.ts";

export const moduleParams = partnerParams.extend({ moduleId: pathId("moduleId") });

const UpdateSchema = z
  .object({ id: z.string(), version: z.string(), notes: z.string(), createdAt: z.string() })
  .openapi("MarketplaceModuleUpdate");
export const ModuleSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    latestVersion: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string().nullable(),
    updates: z.array(UpdateSchema),
    // R5.2: the publication claim and its decision.
    publication: z.enum(modulePublicationStates),
    marketplaceUrl: z.string().nullable(),
    priceRub: z.number().int().nullable(),
    points: z.number().int().nullable().openapi({ description: "Credited points (R5.2), once" }),
    publicationNote: z.string().nullable().openapi({ description: "The moderator's note" }),
    publicationSubmittedAt: z.string().nullable(),
    publicationDecidedAt: z.string().nullable(),
  })
  .openapi("MarketplaceModule");

type Update = ModuleView["updates"][number];
const updateView = (u: Update) => ({
  id: u.id,
  version: u.version,
  notes: u.notes,
  createdAt: u.createdAt.toISOString(),
});
export const moduleView = (m: ModuleView) => ({
  id: m.id,
  code: m.code,
  title: m.title,
  description: m.description,
  latestVersion: m.latestVersion,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt?.toISOString() ?? null,
  updates: m.updates.map(updateView),
  publication: m.publication,
  marketplaceUrl: m.marketplaceUrl,
  priceRub: m.priceRub,
  points: m.points,
  publicationNote: m.publicationNote,
  publicationSubmittedAt: m.publicationSubmittedAt?.toISOString() ?? null,
  publicationDecidedAt: m.publicationDecidedAt?.toISOString() ?? null,
});

const list = createRoute({
  method: "get",
  path: "/partners/{partnerId}/marketplace-modules",
  tags: ["marketplace"],
  summary: "The partner's Marketplace modules with their updates",
  request: { params: partnerParams },
  responses: { 200: json(z.object({ items: z.array(ModuleSchema) }), "Modules"), ...problems(401, 403, 422) },
});

const add = createRoute({
  method: "post",
  path: "/partners/{partnerId}/marketplace-modules",
  tags: ["marketplace"],
  summary: "Add a Marketplace module",
  request: {
    params: partnerParams,
    ...jsonBody(ModuleInputSchema),
  },
  responses: { 201: json(ModuleSchema, "The module"), ...problems(401, 403, 409, 422) },
});

const edit = createRoute({
  method: "patch",
  path: "/partners/{partnerId}/marketplace-modules/{moduleId}",
  tags: ["marketplace"],
  summary: "Edit a module's title or description",
  request: {
    params: moduleParams,
    ...jsonBody(
      z
        .object({ title: moduleTitle.optional(), description: moduleDescription.optional() })
        .refine((b) => b.title !== undefined || b.description !== undefined, {
          message: "Нужно title или description. / title or description is required.",
          path: ["title"],
        }),
    ),
  },
  responses: { 200: json(ModuleSchema, "The module"), ...problems(401, 403, 404, 422) },
});

const release = createRoute({
  method: "post",
  path: "/partners/{partnerId}/marketplace-modules/{moduleId}/updates",
  tags: ["marketplace"],
  summary: "Add a module update (version above the latest, release notes)",
  request: {
    params: moduleParams,
    ...jsonBody(UpdateInputSchema),
  },
  responses: { 201: json(UpdateSchema, "The update"), ...problems(401, 403, 404, 409, 422) },
});

const revisions = createRoute({
  method: "get",
  path: "/partners/{partnerId}/marketplace-modules/{moduleId}/revisions",
  tags: ["marketplace"],
  summary: "A module's earlier titles and descriptions (kept on every edit)",
  request: { params: moduleParams },
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            title: z.string(),
            description: z.string(),
            writtenAt: z.string(),
            supersededAt: z.string(),
          }),
        ),
      }),
      "Revisions",
    ),
    ...problems(401, 403, 404, 422),
  },
});

export function marketplaceRoutes({ db, clock }: { db: Db; clock: Clock }) {
  const by = (p: Principal | null) => actorAt(p, clock);
  return createRouter()
    .openapi(list, async (c) => {
      const { partnerId } = c.req.valid("param");
      return c.json({ items: (await listModules(db, partnerId)).map(moduleView) }, 200);
    })
    .openapi(add, async (c) => {
      const { partnerId } = c.req.valid("param");
      return c.json(
        moduleView(await addModule(db, partnerId, c.req.valid("json"), by(c.get("principal")))),
        201,
      );
    })
    .openapi(edit, async (c) => {
      const { partnerId, moduleId } = c.req.valid("param");
      const m = await editModule(db, partnerId, moduleId, c.req.valid("json"), by(c.get("principal")));
      return c.json(moduleView(m), 200);
    })
    .openapi(release, async (c) => {
      const { partnerId, moduleId } = c.req.valid("param");
      const u = await addUpdate(db, partnerId, moduleId, c.req.valid("json"), by(c.get("principal")));
      return c.json(updateView(u), 201);
    })
    .openapi(revisions, async (c) => {
      const { partnerId, moduleId } = c.req.valid("param");
      const items = (await moduleRevisions(db, partnerId, moduleId)).map((r) => ({
        title: r.title,
        description: r.description,
        writtenAt: r.writtenAt.toISOString(),
        supersededAt: r.supersededAt.toISOString(),
      }));
      return c.json({ items }, 200);
    });
}
