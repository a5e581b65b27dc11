import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../test/harness.ts";
import { applyMigrations, openDb } from "./client.ts";
import { partners } from "./schema/index.ts";

describe("database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.destroy());

  it("runs on the database kind of this test project", () => {
    expect(database.url).toMatch(database.kind === "sqld" ? /^http:\/\/127\.0\.0\.1:\d+$/ : /^file:/);
  });

  it("survives a restart: close, reopen the same database, data still there", async () => {
    const first = openDb({ url: database.url });
    await applyMigrations(first.db);
    const now = new Date("2026-02-03T04:05:06.789Z");
    await first.db.insert(partners).values({
      id: "p1",
      name: "Альфа",
      legalKind: "legal_entity",
      city: "Москва",
      approvedAt: now,
      statusSince: "2026-02-03",
    });
    first.close();

    const second = openDb({ url: database.url });
    await applyMigrations(second.db); // applying again is a no-op
    const [row] = await second.db.select().from(partners).where(eq(partners.id, "p1"));
    expect(row).toMatchObject({ name: "Альфа", status: "business", approvedAt: now });
    second.close();
  });

  it("the covering index for the daily recompute exists", async () => {
    const { client, db, close } = openDb({ url: database.url });
    await applyMigrations(db);
    const res = await client.execute(
      "select sql from sqlite_master where name = 'point_accruals_partner_id_day_points_idx'",
    );
    expect(String(res.rows[0]?.sql)).toMatch(/\(`partner_id`,\s*`day`,\s*`points`\)/);
    close();
  });
});
