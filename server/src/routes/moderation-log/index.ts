// GET /api/v1/admin/moderation-log: who did what to which target, newest first (staff only).
import { createRoute, z } from "@hono/zod-openapi";
import { desc } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { moderationLog } from "../../db/schema/index.ts";
import { createRouter, problems } from "../router.ts";

const EntrySchema = z
  .object({
    id: z.string(),
    actorUserId: z.string(),
    at: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    reason: z.string().nullable(),
  })
  .openapi("ModerationLogEntry");

const route = createRoute({
  method: "get",
  path: "/admin/moderation-log",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Moderation log",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
    }),
  },
  responses: {
    200: {
      description: "Entries, newest first",
      content: { "application/json": { schema: z.object({ items: z.array(EntrySchema) }) } },
    },
    ...problems(401, 403, 422),
  },
});

export function moderationLogRoutes({ db }: { db: Db }) {
  return createRouter().openapi(route, async (c) => {
    const { limit } = c.req.valid("query");
    const rows = await db.select().from(moderationLog).orderBy(desc(moderationLog.at)).limit(limit);
    return c.json({ items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) }, 200);
  });
}
