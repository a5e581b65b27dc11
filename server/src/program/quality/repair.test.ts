import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { runDailyRecompute } from "../status/daily.ts";
import { at, createPartner, dayClock, withCatalogue } from "../status/test-support.ts";

describe("R5.5b: the daily job credits a completed QM whose accrual was lost", () => {
  const clock = dayClock("2026-11-24");
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ clock });
    await withCatalogue(h.db);
  });
  afterAll(() => h.close());

  it("R5.5b: credited once, on the completion's day; a just-completed one is left to its request", async () => {
    const p = await createPartner(h.db, { approvedOn: "2026-01-10" });
    const submission = async (completedAt: Date) => {
      const [project] = await h.db
        .insert(s.projects)
        .values({
          partnerId: p.id,
          host: `${crypto.randomUUID()}.ru`,
          title: "QM",
          state: "credited",
          submittedAt: at("2026-11-01"),
        })
        .returning();
      const [row] = await h.db
        .insert(s.qmSubmissions)
        .values({
          partnerId: p.id,
          projectId: project!.id,
          testResults: [],
          clientContactName: "Клиент",
          clientContactPhone: "+7 900 000-00-00",
          state: "completed",
          points: 73,
          submittedAt: at("2026-11-20"),
          completedAt,
        })
        .returning();
      return row!.id;
    };
    const lost = await submission(at("2026-11-23"));
    const fresh = await submission(new Date(clock.now().getTime() - 60_000));
    await runDailyRecompute(h.db, "2026-11-24", { clock, holder: "test" });
    const accruals = await h.db.select().from(s.pointAccruals).where(eq(s.pointAccruals.sourceType, "qm"));
    expect(accruals).toEqual([expect.objectContaining({ sourceId: lost, day: "2026-11-23", points: 73 })]);
    expect(accruals.some((a) => a.sourceId === fresh)).toBe(false);
    await runDailyRecompute(h.db, "2026-11-24", { clock, holder: "test", force: true });
    expect(
      await h.db.select().from(s.pointAccruals).where(eq(s.pointAccruals.sourceType, "qm")),
    ).toHaveLength(1);
  });
});
