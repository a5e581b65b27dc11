// GET /api/v1/admin/moderation-log: the audit trail (issue 5) — who did what to which target and why,
// newest first, filtered, keyset-paginated. Admins only (policy.ts): it is where moderators' actions are checked.
import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../../db/client.ts";
import { moderationLogPage } from "../../program/moderation-log/query.ts";
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

const token = (example: string) => z.string().trim().min(1).max(200).optional().openapi({ example });
const instant = z.iso
  .datetime({ offset: true })
  .optional()
  .openapi({ example: "2026-11-01T00:00:00Z", description: "ISO 8601 instant" });

const QuerySchema = z
  .object({
    actor: token("system:reaudit").openapi({ description: "The acting user's id (or a system actor)" }),
    action: token("card.approve"),
    targetType: token("card_version"),
    targetId: token("0b6c…"),
    from: instant.openapi({ description: "At or after (inclusive)" }),
    to: instant.openapi({ description: "Before (exclusive)" }),
    cursor: z.string().min(1).max(300).optional().openapi({ description: "nextCursor of the previous page" }),
    limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    path: ["to"],
    message: "`to` must be after `from`.",
  });

const route = createRoute({
  method: "get",
  path: "/admin/moderation-log",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Moderation log (audit trail): filters by actor, action, target and time; keyset pages",
  request: { query: QuerySchema },
  responses: {
    200: {
      description: "Entries, newest first",
      content: {
        "application/json": {
          schema: z.object({ items: z.array(EntrySchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...problems(401, 403, 422),
  },
});

export function moderationLogRoutes({ db }: { db: Db }) {
  return createRouter().openapi(route, async (c) => {
    const { items, nextCursor } = await moderationLogPage(db, c.req.valid("query"));
    return c.json(
      {
        items: items.map((r) => ({ ...r, at: r.at.toISOString() })),
        nextCursor,
      },
      200,
    );
  });
}
