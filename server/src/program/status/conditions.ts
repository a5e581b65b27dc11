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

/** A list of ids travels as one JSON parameter: no limit on the number of bound variables. */
export const inScope = (column: SQL, scope: PartnerScope): SQL =>
  scope === "all" ? sql`1 = 1` : sql`${column} in (select value from json_each(${JSON.stringify(scope)}))`;

/** One fact row: kind, partner id, course (certificates only), number. */
type FactRow = [kind: "t" | "p" | "c" | "q", partnerId: string, course: string | null, n: number | null];

/**
 * Runs `query` (columns k, p, c, n) and returns its rows packed by SQLite into one JSON text: a libSQL
 * row object costs about a microsecond per row and cell in JS, a JSON.parse of the same data far less.
 */
export async function packedRows<T extends unknown[]>(db: Writer, query: SQL, columns: SQL): Promise<T[]> {
  const [row] = await db.all<{ rows: string | null }>(
    sql`select json_group_array(json_array(${columns})) as rows from (${query})`,
  );
  return row?.rows ? (JSON.parse(row.rows) as T[]) : [];
}
const facts = (db: Writer, query: SQL) => packedRows<FactRow>(db, query, sql`k, p, c, n`);

const terminatedSql = (scope: PartnerScope) =>
  sql`select 't' as k, id as p, null as c, terminated_at as n from partners where ${inScope(sql`id`, scope)}`;

/**
 * R5.6: active points — SUM over accruals of the days activeFrom(on) … on, positive amounts only (the
 * engine never counts zero or negative amounts); the covering index point_accruals(partner_id, day, points).
 */
const pointsSql = (scope: PartnerScope, w: DayWindow) => sql`
  select 'p' as k, partner_id as p, null as c, sum(points) as n from point_accruals
  where day between ${w.from} and ${w.on} and points > 0 and ${inScope(sql`partner_id`, scope)}
  group by partner_id`;

/**
 * R4C.1, R4E decision: per course, attached employees (an ACCEPTED link, accepted by `on`) holding its
 * certificate, issued by `on`. Pending, declined and detached links do not count. Covering indexes on
 * employee_links and certificates serve it.
 */
const certificatesSql = (scope: PartnerScope, w: DayWindow) => sql`
  select 'c' as k, l.partner_id as p, co.code as c, count(distinct l.user_id) as n
  from employee_links l
  join certificates ce on ce.user_id = l.user_id
  join courses co on co.id = ce.course_id
  where l.invitation = 'accepted' and coalesce(l.responded_at, l.invited_at) < ${w.endMs}
    and ce.issued_at < ${w.endMs} and ${inScope(sql`l.partner_id`, scope)}
  group by l.partner_id, co.code`;

/** R2.3 decision: a QM completion (both stages) on a day activeFrom(on) … on. */
const qmSql = (scope: PartnerScope, w: DayWindow) => sql`
  select distinct 'q' as k, partner_id as p, null as c, 1 as n from qm_submissions
  where state = 'completed' and completed_at >= ${w.fromMs} and completed_at < ${w.endMs}
    and ${inScope(sql`partner_id`, scope)}`;

export async function activePointsBy(
  db: Writer,
  scope: PartnerScope,
  w: DayWindow,
): Promise<Map<string, number>> {
  return new Map((await facts(db, pointsSql(scope, w))).map(([, p, , n]) => [p, n ?? 0]));
}

export async function certificatesBy(
  db: Writer,
  scope: PartnerScope,
  w: DayWindow,
): Promise<Map<string, Record<string, number>>> {
  return certificateMap(await facts(db, certificatesSql(scope, w)));
}

export async function qmParticipantsBy(db: Writer, scope: PartnerScope, w: DayWindow): Promise<Set<string>> {
  return new Set((await facts(db, qmSql(scope, w))).map(([, p]) => p));
}

function certificateMap(rows: readonly FactRow[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const [kind, p, course, n] of rows) {
    if (kind !== "c" || course === null) continue;
    const counts = out.get(p) ?? {};
    counts[course] = n ?? 0;
    out.set(p, counts);
  }
  return out;
}

/** R1.5c: terminated on `on` when the partnership ended (terminated_at, ms) on or before that day. */
export const isTerminated = (terminatedAt: number | null, w: DayWindow): boolean =>
  terminatedAt !== null && terminatedAt < w.endMs;

/**
 * The conditions of each partner in `scope` (approved or not) on `on`, in one round trip: the four
 * fact queries above as one UNION ALL (the badge path asks for one partner at a time).
 */
export async function conditionsFor(
  db: Writer,
  scope: PartnerScope,
  on: CivilDate,
): Promise<Map<string, Conditions>> {
  const w = dayWindow(on);
  const rows = await facts(
    db,
    sql`${terminatedSql(scope)} union all ${pointsSql(scope, w)} union all ${certificatesSql(scope, w)} union all ${qmSql(scope, w)}`,
  );
  const certificates = certificateMap(rows);
  const out = new Map<string, Conditions>();
  for (const [kind, p, , n] of rows) {
    if (kind !== "t") continue;
    out.set(p, {
      activePoints: 0,
      certificates: certificates.get(p) ?? {},
      qmParticipant: false,
      terminated: isTerminated(n, w),
    });
  }
  for (const [kind, p, , n] of rows) {
    const c = out.get(p);
    if (!c) continue;
    if (kind === "p") c.activePoints = n ?? 0;
    else if (kind === "q") c.qmParticipant = true;
  }
  return out;
}
