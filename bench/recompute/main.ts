// Daily recompute benchmark (R5.6): 20,000 partners, 2,000,000 accruals over 3 years in a temp libSQL
// file; prints the one-year SUM aggregate, the full recompute (first run and a steady-state next day),
// their ratio, and one partner's conditions + nextStatus (the badge path), each against its target.
// Run: pnpm --filter @partner-trust/bench bench:recompute
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { activeFrom, addDays, addYears, type CivilDate, nextStatus } from "../../packages/rules/src/index.ts";
import { moscowMidnight } from "../../server/src/clock.ts";
import { applyMigrations, openDb } from "../../server/src/db/client.ts";
import { loadRequirements, seedCatalogue } from "../../server/src/program/catalogue/store.ts";
import { conditionsFor } from "../../server/src/program/status/conditions.ts";
import { recomputeAll } from "../../server/src/program/status/recompute.ts";
import { stateOf } from "../../server/src/program/status/state.ts";
import { fmt, bulkInsert as insertRows, median, seededRandom, verdict } from "../support/data.ts";

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 20_000);
const ACCRUALS = Number(process.env.BENCH_ACCRUALS ?? 2_000_000);
const ON: CivilDate = "2026-11-24";
const FIRST_DAY = addYears(ON, -3);
const DAYS = Math.round((Date.parse(ON) - Date.parse(FIRST_DAY)) / 86_400_000);

const { random, pick } = seededRandom();

const dir = mkdtempSync(join(tmpdir(), "pt-bench-recompute-"));
const { db, client, close } = openDb({ url: `file:${join(dir, "bench.db")}` });

const bulkInsert = (table: string, columns: string[], rows: Iterable<unknown[]>, rowsPer?: number) =>
  insertRows(client, table, columns, rows, rowsPer);

async function build() {
  await applyMigrations(db);
  await seedCatalogue(db);
  const courses = new Map(
    (await client.execute("select id, code from courses")).rows.map((r) => [r.code, r.id]),
  );
  const approvedAt = moscowMidnight(addDays(FIRST_DAY, -30)).getTime();
  const approvedOn = addDays(FIRST_DAY, -30);
  const t0 = performance.now();
  const ids = Array.from({ length: PARTNERS }, () => crypto.randomUUID());
  await bulkInsert(
    "partners",
    ["id", "name", "legal_kind", "city", "approved_at", "status", "status_since", "created_at"],
    ids.map((id, i) => [
      id,
      `Партнёр ${i}`,
      "legal_entity",
      "Москва",
      approvedAt,
      "business",
      approvedOn,
      approvedAt,
    ]),
    500,
  );
  await bulkInsert(
    "status_terms",
    ["id", "partner_id", "status", "starts_on", "outcome", "created_at"],
    ids.map((id) => [crypto.randomUUID(), id, "business", approvedOn, "active", approvedAt]),
  );
  // A main user and two employees per partner; certificates so that most could be Certified, some Gold.
  const users: unknown[][] = [];
  const links: unknown[][] = [];
  const certs: unknown[][] = [];
  ids.forEach((partnerId, i) => {
    const team = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    team.forEach((userId, k) => {
      users.push([userId, `Сотрудник ${i}-${k}`, `u${i}-${k}@bench.local`, 1, approvedAt, approvedAt]);
      const invitation = k === 2 && i % 10 === 0 ? "detached" : "accepted";
      links.push([
        crypto.randomUUID(),
        partnerId,
        userId,
        k === 0 ? "main" : "certified",
        invitation,
        approvedAt,
        approvedAt,
        approvedAt,
      ]);
    });
    const cert = (userId: string, code: string) =>
      certs.push([crypto.randomUUID(), userId, courses.get(code), approvedAt]);
    if (random() < 0.8) {
      cert(team[0]!, "admin-basic");
      cert(team[0]!, "developer");
    }
    if (random() < 0.4) {
      cert(team[1]!, "admin-basic");
      cert(team[1]!, "developer");
      cert(team[1]!, "admin-business");
    }
    if (random() < 0.5) cert(team[2]!, "content-manager");
  });
  await bulkInsert("user", ["id", "name", "email", "email_verified", "created_at", "updated_at"], users, 500);
  await bulkInsert(
    "employee_links",
    ["id", "partner_id", "user_id", "level", "invitation", "invited_at", "responded_at", "created_at"],
    links,
    500,
  );
  await bulkInsert("certificates", ["id", "user_id", "course_id", "issued_at"], certs);
  // QM completions (R2.3) for a quarter of the partners, within the last 18 months.
  const projects: unknown[][] = [];
  const qm: unknown[][] = [];
  ids.forEach((partnerId, i) => {
    if (i % 4 !== 0) return;
    const projectId = crypto.randomUUID();
    const done = moscowMidnight(addDays(ON, -pick(540))).getTime();
    projects.push([projectId, partnerId, `p${i}.bench.local`, "QM", "credited", done, done, done]);
    qm.push([crypto.randomUUID(), partnerId, projectId, "[]", "Клиент", "+7", "completed", done, done, done]);
  });
  await bulkInsert(
    "projects",
    ["id", "partner_id", "host", "title", "state", "submitted_at", "credited_at", "created_at"],
    projects,
    500,
  );
  await bulkInsert(
    "qm_submissions",
    [
      "id",
      "partner_id",
      "project_id",
      "test_results",
      "client_contact_name",
      "client_contact_phone",
      "state",
      "submitted_at",
      "completed_at",
      "created_at",
    ],
    qm,
    500,
  );
  const tFacts = performance.now();

  // 2,000,000 accruals, the covering index built afterwards (R5.6). Partners differ in activity.
  await client.execute("drop index point_accruals_partner_id_day_points_idx");
  await client.execute("drop index point_accruals_source_type_source_id_idx");
  const intensity = ids.map(() => 0.2 + random() * 2.2);
  const total = intensity.reduce((a, b) => a + b, 0);
  const days = Array.from({ length: DAYS + 1 }, (_, d) => addDays(FIRST_DAY, d));
  function* accruals(): Generator<unknown[]> {
    let n = 0;
    for (let p = 0; p < PARTNERS; p++) {
      const count = p === PARTNERS - 1 ? ACCRUALS - n : Math.round((ACCRUALS * intensity[p]!) / total);
      for (let k = 0; k < count; k++, n++) {
        yield [
          `a${String(n).padStart(8, "0")}`,
          ids[p],
          days[pick(days.length)],
          1 + pick(12),
          "purchase",
          `b${n}`,
          approvedAt,
        ];
      }
    }
  }
  const tA = performance.now();
  const inserted = await bulkInsert(
    "point_accruals",
    ["id", "partner_id", "day", "points", "source_type", "source_id", "created_at"],
    accruals(),
  );
  const tB = performance.now();
  await client.execute(
    "create index point_accruals_partner_id_day_points_idx on point_accruals (partner_id, day, points)",
  );
  await client.execute(
    "create index point_accruals_source_type_source_id_idx on point_accruals (source_type, source_id)",
  );
  await client.execute("analyze");
  const tC = performance.now();
  console.log(
    `built: ${PARTNERS} partners, ${users.length} users, ${certs.length} certificates, ${qm.length} QM completions in ${fmt(tFacts - t0)}; ` +
      `${inserted} accruals ${FIRST_DAY} … ${ON} in ${fmt(tB - tA)} (${Math.round(inserted / ((tB - tA) / 1000)).toLocaleString("en")} rows/s), indexes in ${fmt(tC - tB)}`,
  );
  return ids;
}

const ids = await build();
const results: { name: string; value: string; target: string; ok: boolean }[] = [];

// 1. The hand-written aggregate alone: one year of points for every partner.
const aggregate: number[] = [];
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  const rs = await client.execute({
    sql: "SELECT partner_id, SUM(points) FROM point_accruals WHERE day BETWEEN ? AND ? GROUP BY partner_id",
    args: [activeFrom(ON), ON],
  });
  aggregate.push(performance.now() - t);
  if (rs.rows.length !== PARTNERS) throw new Error(`aggregate returned ${rs.rows.length} rows`);
}
const agg = median(aggregate);
console.log(`aggregate SUM(points) … GROUP BY partner_id: ${fmt(agg)} (median of 7)`);

// 2. The full daily recompute: the first run (every partner's state from scratch), then a steady-state next day.
const first = await recomputeAll(db, ON, { now: moscowMidnight(ON) });
console.log(
  `recompute ${ON} (first run): ${fmt(first.ms)} — ${first.partners} partners, changes ${JSON.stringify(first.changes)}, ${first.writes} write statements, ${first.keysIssued} keys, ${first.mails} mails`,
);
results.push({
  name: "full recompute, first run",
  value: fmt(first.ms),
  target: "< 10 s",
  ok: first.ms < 10_000,
});

const steadyRuns: number[] = [];
let day = ON;
for (let i = 0; i < 3; i++) {
  day = addDays(day, 1);
  const r = await recomputeAll(db, day, { now: moscowMidnight(day) });
  steadyRuns.push(r.ms);
  console.log(
    `recompute ${day} (steady state): ${fmt(r.ms)} — changes ${JSON.stringify(r.changes)}, ${r.writes} write statements`,
  );
}
const again = await recomputeAll(db, day, { now: moscowMidnight(day) });
console.log(`recompute ${day} again (idempotent): ${fmt(again.ms)} — ${again.writes} write statements`);
const steady = median(steadyRuns);
results.push({
  name: "full recompute, steady state",
  value: fmt(steady),
  target: "< 10 s",
  ok: steady < 10_000,
});
const ratio = steady / agg;
results.push({
  name: "recompute / aggregate (steady state)",
  value: `${ratio.toFixed(2)}×`,
  target: "≤ 2×",
  ok: ratio <= 2,
});
results.push({
  name: "recompute / aggregate (first run)",
  value: `${(first.ms / agg).toFixed(2)}×`,
  target: "(reported)",
  ok: true,
});

// The first run's anniversary: every term granted that day is confirmed or dropped (R3.2b).
const anniversary = addYears(ON, 1);
const yearLater = await recomputeAll(db, anniversary, { now: moscowMidnight(anniversary) });
console.log(
  `recompute ${anniversary} (the anniversary of the first run): ${fmt(yearLater.ms)} — changes ${JSON.stringify(yearLater.changes)}, ${yearLater.writes} write statements, ${yearLater.keysRevoked} keys revoked`,
);
results.push({
  name: "full recompute, mass anniversary",
  value: fmt(yearLater.ms),
  target: "< 10 s",
  ok: yearLater.ms < 10_000,
});
day = anniversary;

// 3. One partner, the badge path: its conditions from SQL and nextStatus.
const requirements = await loadRequirements(db);
const sample = Array.from({ length: 2000 }, () => ids[pick(ids.length)]!);
const states = new Map(
  (await client.execute("select id, status, status_since, status_until from partners")).rows.map((r) => [
    String(r.id),
    stateOf({
      status: r.status as never,
      statusSince: String(r.status_since),
      statusUntil: r.status_until === null ? null : String(r.status_until),
    }),
  ]),
);
for (const id of sample.slice(0, 200)) (await conditionsFor(db, [id], day)).get(id); // warm-up
const t1 = performance.now();
for (const id of sample) {
  const conditions = (await conditionsFor(db, [id], day)).get(id)!;
  nextStatus(states.get(id)!, conditions, day, requirements);
}
const perPartner = (performance.now() - t1) / sample.length;
results.push({
  name: "one partner: conditions + nextStatus",
  value: fmt(perPartner),
  target: "well under 1 ms (< 0.5 ms)",
  ok: perPartner < 0.5,
});

console.log(`\nmachine: ${availableParallelism()} cores, Node ${process.version}`);
for (const r of results)
  console.log(
    `${r.name.padEnd(40)} ${r.value.padStart(10)}   target ${r.target.padEnd(28)} ${verdict(r.ok)}`,
  );
close();
if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
