// R5.5b: a completion is written before its accrual (so the status sees the QM, call.ts); if the process died
// between the two, the daily job credits the points it missed, on the completion's day. Completions younger
// than a few minutes are left to the request still finishing them.
import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { qmSubmissions } from "../../db/schema/index.ts";
import { recordAccrual } from "../status/apply.ts";

const GRACE_MS = 10 * 60 * 1000;

export async function creditMissedQm(db: Db, { clock }: { clock: Clock }): Promise<number> {
  const missed = await db
    .select({
      id: qmSubmissions.id,
      partnerId: qmSubmissions.partnerId,
      points: qmSubmissions.points,
      completedAt: qmSubmissions.completedAt,
    })
    .from(qmSubmissions)
    .where(
      and(
        eq(qmSubmissions.state, "completed"),
        isNotNull(qmSubmissions.points),
        lt(qmSubmissions.completedAt, new Date(clock.now().getTime() - GRACE_MS)),
        sql`not exists (select 1 from point_accruals a where a.source_type = 'qm' and a.source_id = ${qmSubmissions.id})`,
      ),
    );
  for (const m of missed) {
    await recordAccrual(
      db,
      {
        partnerId: m.partnerId,
        day: moscowDay(m.completedAt!),
        points: m.points!,
        sourceType: "qm",
        sourceId: m.id,
      },
      { clock },
    );
  }
  return missed.length;
}
