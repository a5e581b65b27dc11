// R6.1b, R6.2: one pending NFR request of a kind per partner — refused before the work is done, and again by the
// unique index when two requests race to the insert.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { nfrRequests } from "../../db/schema/index.ts";
import { conflict } from "../../errors/index.ts";

type RequestKind = (typeof nfrRequests.$inferSelect)["kind"];

/** The 409 for a second pending request. */
export const alreadyPending = () =>
  conflict("Заявка уже ждёт решения модератора / A request is already waiting for a moderator.");

/** 409 when the partner has a pending request of this kind. */
export async function refuseIfPending(db: Db, partnerId: string, kind: RequestKind): Promise<void> {
  const [pending] = await db
    .select({ id: nfrRequests.id })
    .from(nfrRequests)
    .where(
      and(eq(nfrRequests.partnerId, partnerId), eq(nfrRequests.kind, kind), eq(nfrRequests.state, "pending")),
    );
  if (pending) throw alreadyPending();
}
