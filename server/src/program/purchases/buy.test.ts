import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { buy } from "./buy.ts";
import { partnerWithUsers, withPriceList } from "./test-support.ts";

const clock = fixedClock("2026-11-24T09:00:00Z");

describe("buy (R5.2 exactly once)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ clock });
    await withPriceList(h, clock);
  });
  afterAll(() => h.close());

  it("R5.2: buys of one key interleaved past the stored-purchase check → the unique index lets one write; the other returns it", async () => {
    const p = await partnerWithUsers(h, { approvedOn: "2026-04-01" });
    const input = {
      partnerId: p.id,
      buyerUserId: "u",
      key: crypto.randomUUID(),
      request: { kind: "renewal" as const, editionCode: "business" },
    };
    // Both calls are started before either has written: each passes the check, one batch fails on the index.
    const results = await Promise.all([buy(h.db, input, { clock }), buy(h.db, input, { clock })]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]!.purchase.id).toBe(results[1]!.purchase.id);
    const accruals = await h.db.select().from(s.pointAccruals).where(eq(s.pointAccruals.partnerId, p.id));
    expect(accruals).toMatchObject([
      { points: 36, sourceType: "purchase", sourceId: results[0]!.purchase.id },
    ]);
  });

  it("R5.2: interleaved buys of one key with different requests → one is bought, the other refused (422)", async () => {
    const p = await partnerWithUsers(h, { approvedOn: "2026-04-01" });
    const base = { partnerId: p.id, buyerUserId: "u", key: crypto.randomUUID() };
    const results = await Promise.allSettled([
      buy(h.db, { ...base, request: { kind: "renewal", editionCode: "business" } }, { clock }),
      buy(h.db, { ...base, request: { kind: "renewal", editionCode: "start" } }, { clock }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ kind: "validation" });
    expect(await h.db.select().from(s.pointAccruals).where(eq(s.pointAccruals.partnerId, p.id))).toHaveLength(
      1,
    );
  });
});
