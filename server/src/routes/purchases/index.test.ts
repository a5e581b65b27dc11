import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import {
  markTerminated,
  partnerWithUsers,
  type TestPartner,
  withPriceList,
} from "../../program/purchases/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";

const clock = fixedClock("2026-11-24T09:00:00Z");

describe("purchases (R5.2, R2.4, R4E.3–4)", () => {
  let h: Harness;
  let p: TestPartner;
  beforeAll(async () => {
    h = await createHarness({ clock });
    await withPriceList(h, clock);
    p = await partnerWithUsers(h, { approvedOn: "2026-03-02" });
  });
  afterAll(() => h.close());

  const buy = (partnerId: string, cookie: string, payload: unknown, key?: string) =>
    h.app.request(`/api/v1/partners/${partnerId}/purchases`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(cookie ? { cookie } : {}),
        ...(key === undefined ? {} : { "Idempotency-Key": key }),
      },
      body: JSON.stringify(payload),
    });
  const accruals = (sourceId: string) =>
    h.db
      .select()
      .from(s.pointAccruals)
      .where(and(eq(s.pointAccruals.sourceType, "purchase"), eq(s.pointAccruals.sourceId, sourceId)));

  it("R5.2, R2.4: a renewal at the Business discount credits round-half-up(end-user price / 1000) at once", async () => {
    const res = await buy(p.id, p.main, { kind: "renewal", editionCode: "start" }, crypto.randomUUID());
    expect(res.status).toBe(201);
    const got = await body(res);
    expect(got).toMatchObject({
      kind: "renewal",
      editionCode: "start",
      priceRub: 2950,
      discountPercent: 40,
      paidRub: 1770,
      points: 3,
      status: "credited",
      partnerStatus: "business",
      issuedLicenseKey: null,
    });
    expect(await accruals(got.id)).toMatchObject([{ partnerId: p.id, day: "2026-11-24", points: 3 }]);
  });

  it("R5.2: the Idempotency-Key header is required — 422 naming it when missing or malformed", async () => {
    for (const key of [undefined, "", "short", "bad key with spaces!!"]) {
      const res = await buy(p.id, p.main, { kind: "renewal", editionCode: "start" }, key);
      expect(res.status).toBe(422);
      const problem = await body(res);
      expect(problem.errors.map((e: { path: string }) => e.path)).toContain("Idempotency-Key");
    }
    // A quoted key (the draft's structured-header string) is the same key.
    const key = crypto.randomUUID();
    expect((await buy(p.id, p.main, { kind: "renewal", editionCode: "standard" }, `"${key}"`)).status).toBe(
      201,
    );
    expect((await buy(p.id, p.main, { kind: "renewal", editionCode: "standard" }, key)).status).toBe(200);
  });

  it("R5.2: the same key and body again → 200 with the stored purchase, never a second credit", async () => {
    const key = crypto.randomUUID();
    const payload = { kind: "extra_users", editionCode: "corporate-portal", quantity: 10 };
    const first = await body(await buy(p.id, p.main, payload, key));
    // R2.4: the corporate portal is «1С-Битрикс24» (box): no partner discount; R5.2: its points all the same.
    expect(first).toMatchObject({ priceRub: 15_000, discountPercent: 0, paidRub: 15_000, points: 15 });
    // Key order and an explicit default do not make another request.
    const again = await buy(
      p.id,
      p.full,
      { quantity: 10, editionCode: "corporate-portal", kind: "extra_users" },
      key,
    );
    expect(again.status).toBe(200);
    expect(await body(again)).toEqual(first);
    expect(await accruals(first.id)).toHaveLength(1);
  });

  it("IETF idempotency-key draft: the same key with another body → 422, nothing written", async () => {
    const key = crypto.randomUUID();
    expect((await buy(p.id, p.main, { kind: "renewal", editionCode: "start" }, key)).status).toBe(201);
    const before = await h.db.select().from(s.purchases).where(eq(s.purchases.partnerId, p.id));
    const res = await buy(p.id, p.main, { kind: "renewal", editionCode: "business" }, key);
    expect(res.status).toBe(422);
    expect((await body(res)).errors[0].path).toBe("Idempotency-Key");
    expect(await h.db.select().from(s.purchases).where(eq(s.purchases.partnerId, p.id))).toHaveLength(
      before.length,
    );
  });

  it("R5.2: identical requests racing → one purchase, one 201, the rest 200 with it, exactly one accrual", async () => {
    const key = crypto.randomUUID();
    const payload = {
      kind: "upgrade",
      editionCode: "start",
      targetEditionCode: "business",
      licenseKey: "LIC-OLD-0001",
    };
    const responses = await Promise.all(Array.from({ length: 8 }, () => buy(p.id, p.main, payload, key)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const bodies = await Promise.all(responses.map(body));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    // The upgrade creates the license of the target edition: a key in the program's format.
    expect(bodies[0].issuedLicenseKey).toMatch(/^LIC-[0-9A-HJ-NP-Z]{5}(-[0-9A-HJ-NP-Z]{5}){3}$/);
    expect(bodies[0]).toMatchObject({
      priceRub: 67_000,
      paidRub: 40_200,
      points: 67,
      licenseKey: "LIC-OLD-0001",
    });
    expect(await accruals(bodies[0].id)).toHaveLength(1);
    const stored = await h.db
      .select()
      .from(s.purchases)
      .where(and(eq(s.purchases.partnerId, p.id), eq(s.purchases.idempotencyKey, key)));
    expect(stored).toHaveLength(1);
  });

  it("R5.2: another partner may use the same key for its own purchase", async () => {
    const other = await partnerWithUsers(h, { approvedOn: "2026-05-05", name: "ООО Другой" });
    const key = crypto.randomUUID();
    expect((await buy(p.id, p.main, { kind: "renewal", editionCode: "start" }, key)).status).toBe(201);
    expect((await buy(other.id, other.main, { kind: "renewal", editionCode: "start" }, key)).status).toBe(
      201,
    );
  });

  it("R4E.3–4: main and full users buy; limited and certified users 403; anonymous 401", async () => {
    const payload = { kind: "renewal", editionCode: "start" };
    expect((await buy(p.id, p.full, payload, crypto.randomUUID())).status).toBe(201);
    expect((await buy(p.id, p.limited, payload, crypto.randomUUID())).status).toBe(403);
    expect((await buy(p.id, p.certified, payload, crypto.randomUUID())).status).toBe(403);
    expect((await buy(p.id, "", payload, crypto.randomUUID())).status).toBe(401);
    const other = await partnerWithUsers(h, { approvedOn: "2026-05-05", name: "ООО Чужой" });
    expect((await buy(p.id, other.main, payload, crypto.randomUUID())).status).toBe(403);
  });

  it("R5.2: only what the price list sells — 422 naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ kind: "extra_sites", editionCode: "start" }, "editionCode"],
      [{ kind: "upgrade", editionCode: "business", targetEditionCode: "start" }, "targetEditionCode"],
      [{ kind: "upgrade", editionCode: "start" }, "targetEditionCode"],
      [{ kind: "renewal", editionCode: "start", targetEditionCode: "business" }, "targetEditionCode"],
      [{ kind: "renewal", editionCode: "start", quantity: 2 }, "quantity"],
      [{ kind: "renewal", editionCode: "nope" }, "editionCode"],
      [{ kind: "gift", editionCode: "start" }, "kind"],
    ];
    for (const [payload, field] of cases) {
      const res = await buy(p.id, p.main, payload, crypto.randomUUID());
      expect(res.status, JSON.stringify(payload)).toBe(422);
      expect((await body(res)).errors.map((e: { path: string }) => e.path)).toContain(field);
    }
  });

  it("R2.4: a Gold partner pays 50%; R1.5c: a terminated partner cannot buy (409)", async () => {
    const gold = await partnerWithUsers(h, { approvedOn: "2026-01-12", name: "ООО Золото" });
    await h.db
      .update(s.partners)
      .set({ status: "gold", statusSince: "2026-06-01", statusUntil: "2027-06-01" })
      .where(eq(s.partners.id, gold.id));
    const res = await buy(
      gold.id,
      gold.main,
      { kind: "extra_sites", editionCode: "business", quantity: 2 },
      crypto.randomUUID(),
    );
    expect(await body(res)).toMatchObject({
      priceRub: 72_900,
      discountPercent: 50,
      paidRub: 36_450,
      points: 73,
    });
    await markTerminated(h, gold.id, "2026-11-20");
    expect(
      (await buy(gold.id, gold.main, { kind: "renewal", editionCode: "start" }, crypto.randomUUID())).status,
    ).toBe(409);
  });

  it("R2.5: the purchase that brings the active points to 100 makes the partner Certified at once", async () => {
    const fresh = await partnerWithUsers(h, { approvedOn: "2026-02-02", name: "ООО Рост" });
    // Points alone decide here: this test's catalogue asks no certificates of Certified.
    await h.db.delete(s.certificationRequirements);
    const res = await buy(
      fresh.id,
      fresh.main,
      { kind: "extra_sites", editionCode: "business", quantity: 3 },
      crypto.randomUUID(),
    );
    expect(await body(res)).toMatchObject({ points: 109, partnerStatus: "business", discountPercent: 40 });
    const [row] = await h.db.select().from(s.partners).where(eq(s.partners.id, fresh.id));
    expect(row).toMatchObject({ status: "certified", statusSince: "2026-11-24", statusUntil: "2027-11-24" });
    // The new discount applies to the next purchase.
    const next = await buy(
      fresh.id,
      fresh.main,
      { kind: "renewal", editionCode: "start" },
      crypto.randomUUID(),
    );
    expect(await body(next)).toMatchObject({ discountPercent: 45, paidRub: 1623 });
  });

  it("GET /partners/{id}/purchases lists them newest first (main/full and staff)", async () => {
    const res = await h.app.request(`/api/v1/partners/${p.id}/purchases`, { headers: { cookie: p.full } });
    expect(res.status).toBe(200);
    const { items } = await body(res);
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.every((i: { partnerId: string }) => i.partnerId === p.id)).toBe(true);
    const limited = await h.app.request(`/api/v1/partners/${p.id}/purchases`, {
      headers: { cookie: p.limited },
    });
    expect(limited.status).toBe(403);
  });
});
