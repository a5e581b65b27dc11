// The audit trail's query (issue 5): moderation_log filtered by actor, action, target and time, newest first,
// in keyset pages. Served by GET /api/v1/admin/moderation-log and the admins' page /admin/moderation-log.
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { moderationLog } from "../../db/schema/index.ts";
import { validationError } from "../../errors/index.ts";

export type LogFilters = {
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** ISO instants: at or after `from`, before `to`. */
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

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

export async function moderationLogPage(db: Db, q: LogFilters) {
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
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encode({ at: last.at.getTime(), id: last.id }) : null,
  };
}
