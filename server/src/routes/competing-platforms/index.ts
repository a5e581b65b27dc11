// R7.1e, issue 10: the competing platforms list through the API (admins): read it, add a platform, change its
// spellings, retire or restore it. The same program/ functions as the /admin/platforms page (each logged).
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import {
  addPlatform,
  allPlatforms,
  type Platform,
  PlatformNameSchema,
  SpellingsSchema,
  updatePlatform,
} from "../../program/competitors/platforms.ts";
import { actorAt, json, jsonBody, pathId } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const PlatformSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    spellings: z.array(z.string()),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("CompetingPlatform");

const out = (p: Platform) => ({
  id: p.id,
  name: p.name,
  spellings: p.spellings,
  active: p.active,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

const list = createRoute({
  method: "get",
  path: "/admin/competing-platforms",
  security: [{ session: [] }],
  tags: ["admin"],
  summary: "Every competing platform (R7.1e), retired ones too, in list order",
  responses: { 200: json(z.object({ items: z.array(PlatformSchema) })), ...problems(401, 403) },
});
const add = createRoute({
  method: "post",
  path: "/admin/competing-platforms",
  security: [{ session: [] }],
  tags: ["admin"],
  summary: "Add a competing platform with its spellings (409 when the name is listed)",
  request: { ...jsonBody(z.object({ name: PlatformNameSchema, spellings: SpellingsSchema })) },
  responses: { 201: json(PlatformSchema, "Added"), ...problems(401, 403, 409, 422) },
});
const change = createRoute({
  method: "patch",
  path: "/admin/competing-platforms/{platformId}",
  security: [{ session: [] }],
  tags: ["admin"],
  summary: "Change a platform's spellings and/or retire (active: false) or restore it — never deleted",
  request: {
    params: z.object({ platformId: pathId("platformId") }),
    ...jsonBody(
      z
        .object({ spellings: SpellingsSchema.optional(), active: z.boolean().optional() })
        .refine((b) => b.spellings !== undefined || b.active !== undefined, {
          message: "Укажите spellings или active / Give spellings or active",
          path: ["spellings"],
        }),
    ),
  },
  responses: { 200: json(PlatformSchema), ...problems(401, 403, 404, 422) },
});

export function competingPlatformRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(list, async (c) => c.json({ items: (await allPlatforms(db)).map(out) }, 200))
    .openapi(add, async (c) =>
      c.json(out(await addPlatform(db, c.req.valid("json"), actorAt(c.get("principal"), clock))), 201),
    )
    .openapi(change, async (c) =>
      c.json(
        out(
          await updatePlatform(
            db,
            c.req.valid("param").platformId,
            c.req.valid("json"),
            actorAt(c.get("principal"), clock),
          ),
        ),
        200,
      ),
    );
}
