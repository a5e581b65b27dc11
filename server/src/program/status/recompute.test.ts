import { activePoints, addDays, isQmParticipant } from "@partner-trust/rules";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { isRowMoved, runAtomically } from "../../db/atomic.ts";
import { openDb } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { recordAccrual } from "./apply.ts";
import { activePointsBy, dayWindow, qmParticipantsBy } from "./conditions.ts";
import {
  msUntilNextMoscowMidnight,
  recomputeLeaseName,
  runDailyRecompute,
  startRecomputeScheduler,
} from "./daily.ts";
import { recomputeAll } from "./recompute.ts";
import {
  at,
  completeQm,
  createPartner,
  dayClock,
  detach,
  goldTeam,
  partnerState,
  statusKeys,
  withCatalogue,
} from "./test-support.ts";
import { planTransitions } from "./transitions.ts";

const add = (partnerId: string, day: string, points: number) => ({
  partnerId,
  day,
  points,
  sourceType: "additional" as const,
  sourceId: crypto.randomUUID(),
});

/**
 * A partner's year, through events: Certified on 2024-06-01 (2 keys), Gold on 2025-03-01 (2 more keys),
 * 150 points on 2025-12-01. The 2024 points expire on 2025-06-01; Gold's anniversary is 2026-03-01.
 */
async function goldYear(h: Harness) {
  await withCatalogue(h.db);
  const clock = dayClock("2024-06-01");
  const p = await createPartner(h.db, { approvedOn: "2024-01-10", employees: goldTeam });
  await recordAccrual(h.db, add(p.id, "2024-06-01", 450), { clock });
  clock.set("2025-03-01");
  const qm = await completeQm(h.db, p.id, "2025-03-01");
  await recordAccrual(h.db, { ...add(p.id, "2025-03-01", 73), sourceType: "qm", sourceId: qm }, { clock });
  clock.set("2025-12-01");
  await recordAccrual(h.db, add(p.id, "2025-12-01", 150), { clock });
  return { p, clock };
}

/** Everything a recompute may write, to compare before and after. */
async function snapshot(h: Harness) {
  return {
    partners: await h.db.select().from(s.partners),
    changes: await h.db.select().from(s.statusChanges),
    terms: await h.db.select().from(s.statusTerms),
    keys: await h.db.select().from(s.nfrLicenses),
    mails: await h.db.select().from(s.emailOutbox),
  };
}

describe("daily recompute (R5.6)", () => {
  let h: Harness;
  afterEach(() => h.close());

  it("R3.2a: Gold whose points drop mid-term and who loses an employee stays Gold", async () => {
    h = await createHarness();
    const { p } = await goldYear(h);
    expect(await partnerState(h.db, p.id)).toEqual({
      status: "gold",
      since: "2025-03-01",
      until: "2026-03-01",
    });
    expect(await statusKeys(h.db, p.id)).toHaveLength(4);
    await detach(h.db, p.employeeIds[2]!, "2025-05-01");
    const result = await recomputeAll(h.db, "2025-06-01", { now: at("2025-06-01") });
    expect(result.changes).toEqual({ upgrade: 0, renewed: 0, dropped: 0, terminated: 0 });
    expect(result.writes).toBe(0);
    expect(await partnerState(h.db, p.id)).toEqual({
      status: "gold",
      since: "2025-03-01",
      until: "2026-03-01",
    });
  });

  it("R3.2b, R6.1c: on the anniversary Gold drops to Certified; the two newest keys are revoked; recompute is idempotent", async () => {
    h = await createHarness();
    const { p } = await goldYear(h);
    const progress: number[] = [];
    const first = await recomputeAll(h.db, "2026-03-01", {
      now: at("2026-03-01"),
      onProgress: (x) => progress.push(x.done),
    });
    expect(first.changes.dropped).toBe(1);
    expect(progress.at(-1)).toBe(1);
    expect(await partnerState(h.db, p.id)).toEqual({
      status: "certified",
      since: "2026-03-01",
      until: "2027-03-01",
    });
    const keys = await statusKeys(h.db, p.id);
    const active = keys.filter((k) => k.state === "active").map((k) => k.issuedOn);
    const revoked = keys.filter((k) => k.state === "revoked").map((k) => k.issuedOn);
    expect(active).toEqual(["2024-06-01", "2024-06-01"]);
    expect(revoked).toEqual(["2025-03-01", "2025-03-01"]);
    const [change] = await h.db.select().from(s.statusChanges).where(eq(s.statusChanges.on, "2026-03-01"));
    expect(change).toMatchObject({ fromStatus: "gold", toStatus: "certified", reason: "dropped" });
    const mails = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, p.mainEmail));
    expect(mails.at(-1)!.text).toMatch(/не подтверждены[\s\S]*were not confirmed/);

    // Idempotent: the same day again changes nothing and writes nothing.
    const before = await snapshot(h);
    const second = await recomputeAll(h.db, "2026-03-01", { now: at("2026-03-01") });
    expect(second.changes).toEqual({ upgrade: 0, renewed: 0, dropped: 0, terminated: 0 });
    expect(second.writes).toBe(0);
    expect(await snapshot(h)).toEqual(before);
  });

  it("R3.2b: a confirmed status is renewed on its anniversary, keys kept", async () => {
    h = await createHarness();
    await withCatalogue(h.db);
    const clock = dayClock("2025-03-01");
    const p = await createPartner(h.db, {
      approvedOn: "2025-01-10",
      employees: [["admin-basic", "developer"]],
    });
    await recordAccrual(h.db, add(p.id, "2025-03-01", 100), { clock });
    await h.db
      .insert(s.pointAccruals)
      .values({ ...add(p.id, "2026-01-20", 130), createdAt: at("2026-01-20") });
    const result = await recomputeAll(h.db, "2026-03-01", { now: at("2026-03-01") });
    expect(result.changes.renewed).toBe(1);
    expect(await partnerState(h.db, p.id)).toEqual({
      status: "certified",
      since: "2025-03-01",
      until: "2027-03-01",
    });
    expect((await statusKeys(h.db, p.id)).map((k) => k.state)).toEqual(["active", "active"]);
  });

  it("R5.6: two instances recompute the same day concurrently under the lease — exactly one runs", async () => {
    h = await createHarness();
    await withCatalogue(h.db);
    const p = await createPartner(h.db, {
      approvedOn: "2025-01-10",
      employees: [["admin-basic", "developer"]],
    });
    await h.db
      .insert(s.pointAccruals)
      .values({ ...add(p.id, "2025-02-01", 120), createdAt: at("2025-02-01") });
    const other = openDb({ url: h.database.url }); // a second server instance on the same database
    try {
      const clock = dayClock("2025-02-02");
      const runs = await Promise.all([
        runDailyRecompute(h.db, "2025-02-02", { clock, holder: "instance-a" }),
        runDailyRecompute(other.db, "2025-02-02", { clock, holder: "instance-b" }),
      ]);
      expect(runs.filter((r) => r.ran)).toHaveLength(1);
      expect(runs.find((r) => !r.ran)).toMatchObject({ ran: false });
      // A restart the same day skips: the day is done.
      expect(await runDailyRecompute(other.db, "2025-02-02", { clock, holder: "instance-c" })).toEqual({
        ran: false,
        reason: "done",
      });
      const changes = await h.db.select().from(s.statusChanges).where(eq(s.statusChanges.partnerId, p.id));
      expect(changes).toHaveLength(1);
      expect(await statusKeys(h.db, p.id)).toHaveLength(2);
    } finally {
      other.close();
    }
  });

  it("R5.6: the writes are compare-and-swap — a state moved after the read writes nothing", async () => {
    h = await createHarness();
    await withCatalogue(h.db);
    const p = await createPartner(h.db, {
      approvedOn: "2025-01-10",
      employees: [["admin-basic", "developer"]],
    });
    const prev = await partnerState(h.db, p.id);
    const { statements } = await planTransitions(
      h.db,
      [
        {
          partnerId: p.id,
          on: "2025-02-02",
          prev,
          state: { status: "certified", since: "2025-02-02", until: "2026-02-02" },
          change: { from: "business", to: "certified", reason: "upgrade" },
        },
      ],
      { now: at("2025-02-02"), mail: true },
    );
    // An event upgrades the partner first …
    await h.db
      .update(s.partners)
      .set({ status: "gold", statusSince: "2025-02-01", statusUntil: "2026-02-01" });
    // … so the planned writes fail as a whole.
    const before = await snapshot(h);
    const failure = await runAtomically(h.db, statements).catch((err: unknown) => err);
    expect(isRowMoved(failure)).toBe(true);
    expect(await snapshot(h)).toEqual(before);
  });

  it("R5.6: the scheduler catches up on start, then fires at 00:00 MSK by the injected clock", async () => {
    h = await createHarness();
    await withCatalogue(h.db);
    expect(msUntilNextMoscowMidnight(new Date("2026-11-24T20:59:59.000Z"))).toBe(1000);
    expect(msUntilNextMoscowMidnight(new Date("2026-11-24T21:00:00.000Z"))).toBe(86_400_000);
    // 300 ms before midnight in Moscow, then real time passing.
    const start = Date.now();
    const clock = { now: () => new Date(Date.parse("2026-11-24T20:59:59.700Z") + (Date.now() - start)) };
    const { pino } = await import("pino");
    const scheduler = startRecomputeScheduler({ db: h.db, clock, logger: pino({ level: "silent" }) });
    try {
      const deadline = Date.now() + 10_000;
      const done = async (day: string) =>
        (
          await h.db
            .select()
            .from(s.leases)
            .where(eq(s.leases.name, recomputeLeaseName(day)))
        ).length === 1;
      while (!(await done("2026-11-25")) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(await done("2026-11-24")).toBe(true);
      expect(await done("2026-11-25")).toBe(true);
    } finally {
      await scheduler.stop();
    }
  });

  it("R5.6, R2.3: the SQL windows equal the engine's activePoints and QM participation, 29 Feb included (property)", async () => {
    h = await createHarness();
    await withCatalogue(h.db);
    const p = await createPartner(h.db, { approvedOn: "2022-01-01" });
    const nearLeap = [
      "2023-02-28",
      "2023-03-01",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
      "2025-02-28",
      "2025-03-01",
    ];
    const day = fc.oneof(
      fc.constantFrom(...nearLeap),
      fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays("2023-01-01", n)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ on: day, points: fc.integer({ min: -5, max: 60 }) }), { maxLength: 25 }),
        fc.array(day, { maxLength: 3 }),
        day,
        async (accruals, qmDays, on) => {
          await h.db.delete(s.pointAccruals).where(eq(s.pointAccruals.partnerId, p.id));
          await h.db.run(sql`delete from qm_submissions where partner_id = ${p.id}`);
          if (accruals.length) {
            await h.db
              .insert(s.pointAccruals)
              .values(accruals.map((a) => ({ ...add(p.id, a.on, a.points), createdAt: at(a.on) })));
          }
          for (const d of qmDays) await completeQm(h.db, p.id, d);
          const w = dayWindow(on);
          const fromSql = (await activePointsBy(h.db, [p.id], w)).get(p.id) ?? 0;
          expect(fromSql).toBe(activePoints(accruals, on));
          expect((await qmParticipantsBy(h.db, [p.id], w)).has(p.id)).toBe(isQmParticipant(qmDays, on));
        },
      ),
      { numRuns: 40, examples: [[[{ on: "2024-02-29", points: 10 }], ["2024-02-29"], "2025-02-28"]] },
    );
  });
});
