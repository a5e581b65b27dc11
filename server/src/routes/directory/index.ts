// R2.7, R4.3: the public partner directory — published partners only, filtered, ranked, cursor-paginated.
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { partnerStatuses } from "../../db/schema/index.ts";
import { noSuchPartner, validationError } from "../../errors/index.ts";
import type { BadgeService } from "../../program/badges/service.ts";
import { publishedPartners } from "../../program/directory/cache.ts";
import { decodeCursor, filterDirectory, page } from "../../program/directory/list.ts";
import { json, partnerParams, pathId } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const ItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(partnerStatuses),
    city: z.string(),
    competencies: z.array(z.object({ id: z.string(), ru: z.string(), en: z.string() })),
    logoUrl: z.string().nullable(),
    website: z.string().nullable(),
  })
  .openapi("DirectoryItem");

const ListSchema = z
  .object({ items: z.array(ItemSchema), nextCursor: z.string().nullable() })
  .openapi("Directory");

const query = z.object({
  city: z.string().trim().min(1).max(100).optional(),
  status: z.enum(["business", "certified", "gold"]).optional(),
  competency: z.string().trim().min(1).max(100).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const list = createRoute({
  method: "get",
  path: "/public/partners",
  tags: ["directory"],
  summary: "Published partners, ranked (R2.7)",
  request: { query },
  responses: {
    200: json(ListSchema, "A page"),
    ...problems(422),
  },
});

const byCompetency = createRoute({
  method: "get",
  path: "/public/competencies/{id}/partners",
  tags: ["directory"],
  summary: "Published partners holding a competency, ranked (R4.3)",
  request: { params: z.object({ id: pathId("id") }), query: query.omit({ competency: true }) },
  responses: {
    200: json(ListSchema, "A page"),
    ...problems(422),
  },
});

const profile = createRoute({
  method: "get",
  path: "/public/partners/{partnerId}",
  tags: ["directory"],
  summary: "A partner's public profile: the verification page's data (the signed status claim)",
  request: { params: partnerParams },
  responses: {
    200: json(z.any(), "The profile"),
    ...problems(404, 422),
  },
});

type Query = z.infer<typeof query>;

async function answer(db: Db, clock: Clock, q: Query) {
  if (q.cursor) {
    try {
      decodeCursor(q.cursor);
    } catch {
      throw validationError([{ path: "cursor", message: "Not a cursor this API returned." }]);
    }
  }
  const ranked = filterDirectory(await publishedPartners(db, { clock }), q);
  const { items, nextCursor } = page(ranked, q.cursor, q.limit);
  return {
    items: items.map(({ id, name, status, city, competencies, logoUrl, website }) => ({
      id,
      name,
      status,
      city,
      competencies,
      logoUrl,
      website,
    })),
    nextCursor,
  };
}

export function directoryRoutes({ db, clock, badges }: { db: Db; clock: Clock; badges: BadgeService }) {
  return createRouter()
    .openapi(profile, async (c) => {
      // The same data the /partners/{id} verification page renders (badges.status → the claim).
      const signed = await badges.status(c.req.valid("param").partnerId);
      if (!signed) throw noSuchPartner();
      return c.json({ ...signed.claim, lastCheckedAt: signed.issuedAt.toISOString() }, 200);
    })
    .openapi(list, async (c) => c.json(await answer(db, clock, c.req.valid("query")), 200))
    .openapi(byCompetency, async (c) =>
      c.json(await answer(db, clock, { ...c.req.valid("query"), competency: c.req.valid("param").id }), 200),
    );
}
