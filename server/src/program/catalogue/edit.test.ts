// The admins' catalogue writes: each change reaches what the engine reads (loadCatalogue), is logged with the
// value before in the same batch, and bad values are refused by field.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { AppError } from "../../errors/index.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { setPurchasePrice } from "../purchases/price-edit.ts";
import { seedPurchasePrices } from "../purchases/prices.ts";
import { setCalendarDay, setCompetencyConditions, setEditionPrice, setRequirement } from "./edit.ts";
import { loadCatalogue, seedCatalogue } from "./store.ts";

const by = { userId: "admin-1", now: new Date("2026-11-24T10:00:00Z") };
const entries = (h: Harness, action: string) =>
  h.db.select().from(s.moderationLog).where(eq(s.moderationLog.action, action));
/** The field paths of a refusal (422), or the problem kind. */
async function refusedOn(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  return e.errors?.map((x) => x.path) ?? e.kind;
}

describe("catalogue edits (admins)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedCatalogue(h.db);
    await seedPurchasePrices(h.db, by.now);
  });
  afterAll(() => h.close());

  it("R5.2: an edition's price reaches the engine's catalogue, logged with the price before", async () => {
    const before = (await loadCatalogue(h.db)).editions.start!.priceRub;
    await setEditionPrice(h.db, "start", 6500, by);
    expect((await loadCatalogue(h.db)).editions.start!.priceRub).toBe(6500);
    const [entry] = await entries(h, "catalogue.edition_price");
    expect(entry).toMatchObject({ actorUserId: "admin-1", targetId: "start", reason: `${before} → 6500` });
    expect(await refusedOn(setEditionPrice(h.db, "start", 0, by))).toEqual(["priceRub"]);
    expect(await refusedOn(setEditionPrice(h.db, "no-such", 100, by))).toBe("notFound");
  });

  it("R5.2: a purchase price row changes, logged", async () => {
    const [row] = await h.db.select().from(s.purchasePrices).limit(1);
    await setPurchasePrice(h.db, row!.id, row!.priceRub + 100, by);
    const [after] = await h.db.select().from(s.purchasePrices).where(eq(s.purchasePrices.id, row!.id));
    expect(after!.priceRub).toBe(row!.priceRub + 100);
    expect(await entries(h, "catalogue.purchase_price")).toHaveLength(1);
    expect(await refusedOn(setPurchasePrice(h.db, row!.id, 1.5, by))).toEqual(["priceRub"]);
  });

  it("working calendar: a day becomes a holiday, a working weekend, then regular — each logged", async () => {
    const day = "2026-12-29";
    await setCalendarDay(h.db, day, "holiday", by);
    expect((await loadCatalogue(h.db)).calendar.holidays).toContain(day);
    await setCalendarDay(h.db, day, "working_weekend", by);
    const cal = (await loadCatalogue(h.db)).calendar;
    expect(cal.holidays).not.toContain(day);
    expect(cal.workingWeekends).toContain(day);
    await setCalendarDay(h.db, day, null, by);
    expect((await loadCatalogue(h.db)).calendar.workingWeekends).not.toContain(day);
    const log = (await entries(h, "catalogue.calendar_day")).filter((e) => e.targetId === day);
    expect(log.map((e) => e.reason).sort()).toEqual(
      ["regular → holiday", "holiday → working_weekend", "working_weekend → regular"].sort(),
    );
  });

  it("R2.2–R2.3: a status requirement is added and changed per course", async () => {
    const course = (await loadCatalogue(h.db)).courses[0]!.id;
    await setRequirement(h.db, "gold", course, 4, by);
    expect((await loadCatalogue(h.db)).requirements.gold[course]).toBe(4);
    await setRequirement(h.db, "gold", course, 2, by);
    expect((await loadCatalogue(h.db)).requirements.gold[course]).toBe(2);
    expect(await refusedOn(setRequirement(h.db, "gold", "no-such", 1, by))).toBe("notFound");
  });

  it("R4.1: competency conditions are the engine's shape; unknown kinds, counts below 1 and unknown courses are refused", async () => {
    const [competency] = await h.db.select().from(s.competencies).limit(1);
    const course = (await loadCatalogue(h.db)).courses[0]!.id;
    const conditions = [
      { kind: "credited-projects", min: 2 },
      { kind: "certified-employees", min: 1, courses: [course] },
    ];
    await setCompetencyConditions(h.db, competency!.code, conditions, by);
    const c = (await loadCatalogue(h.db)).competencies.find((x) => x.id === competency!.code)!;
    expect(c.conditions).toEqual(conditions);
    expect(await refusedOn(setCompetencyConditions(h.db, competency!.code, [{ kind: "magic" }], by))).toEqual(
      ["conditions.0.kind"],
    );
    expect(
      await refusedOn(
        setCompetencyConditions(h.db, competency!.code, [{ kind: "credited-projects", min: 0 }], by),
      ),
    ).toEqual(["conditions.0.min"]);
    expect(
      await refusedOn(
        setCompetencyConditions(
          h.db,
          competency!.code,
          [{ kind: "certified-employees", min: 1, courses: ["nope"] }],
          by,
        ),
      ),
    ).toEqual(["conditions"]);
    expect(await refusedOn(setCompetencyConditions(h.db, competency!.code, [], by))).toEqual(["conditions"]);
  });
});
