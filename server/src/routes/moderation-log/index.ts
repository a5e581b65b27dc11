// GET /api/v1/admin/moderation-log: the audit trail (issue 5) — who did what to which target and why,
// newest first, filtered, keyset-paginated. Admins only (policy.ts): it is where moderators' actions are checked.
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { moderationLog } from "../../db/schema/index.ts";
import { validationError } from "../../errors/index.ts";
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

type Key = { at: number; id: string };
const encode = (k: Key) => Buffer.from(JSON.stringify(k)).toString("base64url");
function decode(cursor: string): Key {
  try {
    const k = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Key;
    if (Number.isSafeInteger(k.at) && typeof k.id === "string") return k;
  } catch {
    // fall through
  }
  throw validationError([{ path: "cursor", message: "Not a cursor this API returned." }]);
}

export function moderationLogRoutes({ db }: { db: Db }) {
  return createRouter().openapi(route, async (c) => {
    const q = c.req.valid("query");
    const where: (SQL | undefined)[] = [
      q.actor ? eq(moderationLog.actorUserId, q.actor) : undefined,
      q.action ? eq(moderationLog.action, q.action) : undefined,
      q.targetType ? eq(moderationLog.targetType, q.targetType) : undefined,
      q.targetId ? eq(moderationLog.targetId, q.targetId) : undefined,
      q.from ? gte(moderationLog.at, new Date(q.from)) : undefined,
      q.to ? lt(moderationLog.at, new Date(q.to)) : undefined,
    ];
    if (q.cursor) {
      // Keyset: strictly after the last entry of the previous page in (at desc, id desc) order.
      const k = decode(q.cursor);
      const at = new Date(k.at);
      where.push(or(lt(moderationLog.at, at), and(eq(moderationLog.at, at), lt(moderationLog.id, k.id))));
    }
    const rows = await db
      .select()
      .from(moderationLog)
      .where(and(...where))
      .orderBy(desc(moderationLog.at), desc(moderationLog.id))
      .limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return c.json(
      {
        items: items.map((r) => ({ ...r, at: r.at.toISOString() })),
        nextCursor: rows.length > q.limit && last ? encode({ at: last.at.getTime(), id: last.id }) : null,
      },
      200,
    );
  });
}
