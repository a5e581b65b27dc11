// R2.2, R2.3, R5.6, R1.5c: the engine's Conditions on a day, for one, some or all partners, from SQL
// aggregates — one query per kind of fact, whatever the number of partners.
import { activeFrom, addDays, type CivilDate, type Conditions } from "@partner-trust/rules";
import { type SQL, sql } from "drizzle-orm";
import { moscowMidnight } from "../../clock.ts";
import type { Writer } from "../../db/client.ts";

/** Which partners: a list of ids, or every partner. */
export type PartnerScope = readonly string[] | "all";

/** The Moscow day `on` as a window of instants and of accrual days (R5.6, R2.3 decision). */
export type DayWindow = {
  on: CivilDate;
  /** The first accrual / QM day still counting on `on`: activeFrom(on) from the engine. */
  from: CivilDate;
  /** 00:00 MSK of `from`, in ms. */
  fromMs: number;
  /** 00:00 MSK of the day after `on`, in ms: instants before it happened on or before `on`. */
  endMs: number;
};

export function dayWindow(on: CivilDate): DayWindow {
  const from = activeFrom(on);
  return {
    on,
    from,
    fromMs: moscowMidnight(from).getTime(),
    endMs: moscowMidnight(addDays(on, 1)).getTime(),
  };
}

const inScope = (column: SQL, scope: PartnerScope): SQL =>
  scope === "all"
    ? sql`1 = 1`
    : sql`${column} in (${sql.join(
        scope.map((id) => sql`${id}`),
        sql`, `,
      )})`;

/**
 * R5.6: active points per partner — SUM over accruals of the days activeFrom(on) … on, positive amounts
 * only (the engine never counts zero or negative amounts). Served by the covering index
 * point_accruals(partner_id, day, points).
 */
export async function activePointsBy(
  db: Writer,
  scope: PartnerScope,
  w: DayWindow,
): Promise<Map<string, number>> {
  const rows = await db.all<{ p: string; n: number }>(sql`
    select partner_id as p, sum(points) as n from point_accruals
    where day between ${w.from} and ${w.on} and points > 0 and ${inScope(sql`partner_id`, scope)}
    group by partner_id`);
  return new Map(rows.map((r) => [r.p, Number(r.n)]));
}

/**
 * R4C.1, R4E decision: per partner and course, attached employees (an ACCEPTED link, accepted by `on`)
 * holding that course's certificate, issued by `on`. Pending, declined and detached links do not count.
 */
export async function certificatesBy(
  db: Writer,
  scope: PartnerScope,
  w: DayWindow,
): Promise<Map<string, Record<string, number>>> {
  const rows = await db.all<{ p: string; course: string; n: number }>(sql`
    select l.partner_id as p, c.code as course, count(distinct l.user_id) as n
    from employee_links l
    join certificates ce on ce.user_id = l.user_id
    join courses c on c.id = ce.course_id
    where l.invitation = 'accepted' and coalesce(l.responded_at, l.invited_at) < ${w.endMs}
      and ce.issued_at < ${w.endMs} and ${inScope(sql`l.partner_id`, scope)}
    group by l.partner_id, c.code`);
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const counts = out.get(r.p) ?? {};
    counts[r.course] = Number(r.n);
    out.set(r.p, counts);
  }
  return out;
}

/** R2.3 decision: partners with a QM completion (both stages) on a day activeFrom(on) … on. */
export async function qmParticipantsBy(db: Writer, scope: PartnerScope, w: DayWindow): Promise<Set<string>> {
  const rows = await db.all<{ p: string }>(sql`
    select distinct partner_id as p from qm_submissions
    where state = 'completed' and completed_at >= ${w.fromMs} and completed_at < ${w.endMs}
      and ${inScope(sql`partner_id`, scope)}`);
  return new Set(rows.map((r) => r.p));
}

/** R1.5c: terminated on `on` when the partnership ended (terminated_at, ms) on or before that day. */
export const isTerminated = (terminatedAt: number | null, w: DayWindow): boolean =>
  terminatedAt !== null && terminatedAt < w.endMs;

/** The conditions of each partner in `scope` (approved or not) on `on`. */
export async function conditionsFor(
  db: Writer,
  scope: PartnerScope,
  on: CivilDate,
): Promise<Map<string, Conditions>> {
  const w = dayWindow(on);
  const partners = await db.all<{ id: string; terminatedAt: number | null }>(
    sql`select id, terminated_at as terminatedAt from partners where ${inScope(sql`id`, scope)}`,
  );
  const points = await activePointsBy(db, scope, w);
  const certificates = await certificatesBy(db, scope, w);
  const qm = await qmParticipantsBy(db, scope, w);
  return new Map(
    partners.map((p) => [
      p.id,
      {
        activePoints: points.get(p.id) ?? 0,
        certificates: certificates.get(p.id) ?? {},
        qmParticipant: qm.has(p.id),
        terminated: isTerminated(p.terminatedAt, w),
      },
    ]),
  );
}
