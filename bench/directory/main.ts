// Directory ranking benchmark (R2.7): PARTNERS published partners (default 16,000, the program's size) with
// ACCRUALS points accruals over the last two years, two certified employees each and a credited project for some,
// in a temp libSQL file. Prints the full ranking (the engine run for every partner: after "all", a new Moscow day
// or the cache's age limit), one changed partner ranked again alone (after each partnerChanged) and a cached read.
// Run: pnpm --filter @partner-trust/bench bench:directory
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, type CivilDate } from "../../packages/rules/src/index.ts";
import { fixedClock, moscowMidnight } from "../../server/src/clock.ts";
import { applyMigrations, openDb } from "../../server/src/db/client.ts";
import { seedCatalogue } from "../../server/src/program/catalogue/store.ts";
import { publishedPartners } from "../../server/src/program/directory/cache.ts";
import { rankPublishedPartners } from "../../server/src/program/directory/list.ts";
import { partnerChanged } from "../../server/src/program/status/events.ts";
import { bulkInsert, fmt, median, seededRandom } from "../support/data.ts";

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 16_000);
const ACCRUALS = Number(process.env.BENCH_ACCRUALS ?? 800_000);
const ON: CivilDate = "2026-11-24";
const clock = fixedClock(moscowMidnight(ON));
const { random, pick } = seededRandom();

const dir = mkdtempSync(join(tmpdir(), "pt-bench-directory-"));
const { db, client, close } = openDb({ url: `file:${join(dir, "bench.db")}` });
const insert = (table: string, columns: string[], rows: Iterable<unknown[]>, rowsPer?: number) =>
  bulkInsert(client, table, columns, rows, rowsPer);

async function build(): Promise<string[]> {
  await applyMigrations(db);
  await seedCatalogue(db);
  const courses = new Map(
    (await client.execute("select id, code from courses")).rows.map((r) => [r.code, r.id]),
  );
  const edition = (await client.execute("select id from editions limit 1")).rows[0]!.id;
  const approvedOn = addDays(ON, -800);
  const at = moscowMidnight(approvedOn).getTime();
  const cities = ["Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань"];
  const ids = Array.from({ length: PARTNERS }, () => crypto.randomUUID());
  await insert(
    "partners",
    ["id", "name", "legal_kind", "city", "approved_at", "status", "status_since", "created_at"],
    ids.map((id, i) => [id, `Партнёр ${i}`, "legal_entity", cities[i % 5], at, "business", approvedOn, at]),
    500,
  );
  const logo = crypto.randomUUID();
  await client.execute({
    sql: "insert into card_logos (id, partner_id, content_type, bytes, size, width, height, sha256, created_at) values (?, ?, 'image/png', x'00', 1, 64, 64, 'bench', ?)",
    args: [logo, ids[0]!, at],
  });
  await insert(
    "card_versions",
    [
      "id",
      "partner_id",
      "version",
      "state",
      "name",
      "description",
      "logo_id",
      "phones",
      "emails",
      "addresses",
      "city",
      "website",
      "publish_on_site",
      "submitted_at",
    ],
    ids.map((id, i) => [
      crypto.randomUUID(),
      id,
      1,
      "approved",
      `Партнёр ${i}`,
      "Разработка сайтов на «1С-Битрикс»",
      logo,
      '["+74950000000"]',
      `["p${i}@bench.local"]`,
      '["Москва, ул. Тверская, 1"]',
      cities[i % 5],
      `https://p${i}.bench.local`,
      1,
      at,
    ]),
    250,
  );
  const users: unknown[][] = [];
  const links: unknown[][] = [];
  const certs: unknown[][] = [];
  ids.forEach((partnerId, i) => {
    for (const [k, code] of ["admin-basic", "developer"].entries()) {
      const userId = crypto.randomUUID();
      users.push([userId, `Сотрудник ${i}-${k}`, `u${i}-${k}@bench.local`, 1, at, at]);
      links.push([crypto.randomUUID(), partnerId, userId, k ? "certified" : "main", "accepted", at, at, at]);
      if (random() < 0.7) certs.push([crypto.randomUUID(), userId, courses.get(code), at]);
    }
  });
  await insert("user", ["id", "name", "email", "email_verified", "created_at", "updated_at"], users, 500);
  await insert(
    "employee_links",
    ["id", "partner_id", "user_id", "level", "invitation", "invited_at", "responded_at", "created_at"],
    links,
    500,
  );
  await insert("certificates", ["id", "user_id", "course_id", "issued_at"], certs);
  await insert(
    "projects",
    ["id", "partner_id", "host", "title", "edition_id", "state", "submitted_at", "credited_at", "created_at"],
    ids
      .filter(() => random() < 0.5)
      .map((id, i) => [
        crypto.randomUUID(),
        id,
        `client${i}.bench.local`,
        "Сайт клиента",
        edition,
        "credited",
        at,
        at,
        at,
      ]),
    500,
  );
  await insert(
    "point_accruals",
    ["id", "partner_id", "day", "points", "source_type", "source_id", "created_at"],
    (function* () {
      for (let n = 0; n < ACCRUALS; n++)
        yield [
          crypto.randomUUID(),
          ids[pick(PARTNERS)],
          addDays(ON, -pick(730)),
          1 + pick(60),
          "purchase",
          `bench-${n}`,
          at,
        ];
    })(),
  );
  return ids;
}

const t0 = performance.now();
const ids = await build();
console.log(`built ${PARTNERS} partners, ${ACCRUALS} accruals in ${fmt(performance.now() - t0)}`);

const full: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const ranked = await rankPublishedPartners(db, { clock });
  full.push(performance.now() - t);
  if (ranked.length !== PARTNERS) throw new Error(`ranked ${ranked.length} of ${PARTNERS}`);
}
await publishedPartners(db, { clock }); // the cache's first, full ranking
const one: number[] = [];
for (let i = 0; i < 50; i++) {
  partnerChanged(db, [ids[pick(PARTNERS)]!]);
  const t = performance.now();
  await publishedPartners(db, { clock });
  one.push(performance.now() - t);
}
const cached: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  await publishedPartners(db, { clock });
  cached.push(performance.now() - t);
}
console.log(`full ranking of ${PARTNERS} partners (median of 3):  ${fmt(median(full))}`);
console.log(`one changed partner ranked again + re-sort (median): ${fmt(median(one))}`);
console.log(`cached read (median of 200):                       ${fmt(median(cached))}`);
await close();
rmSync(dir, { recursive: true, force: true });
