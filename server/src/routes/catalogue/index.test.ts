import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { partnerWithUsers, type TestPartner, withPriceList } from "../../program/purchases/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";

const clock = fixedClock("2026-11-24T09:00:00Z");
type Item = {
  code: string;
  priceRub: number;
  partnerPriceRub?: number;
  discountPercent?: number;
  offers: Offer[];
};
type Offer = { kind: string; targetEditionCode: string | null; priceRub: number; partnerPriceRub?: number };

describe("GET /api/v1/catalogue/editions (R5.2, R2.4)", () => {
  let h: Harness;
  let p: TestPartner;
  let other: TestPartner;
  beforeAll(async () => {
    h = await createHarness({ clock });
    await withPriceList(h, clock);
    p = await partnerWithUsers(h, { approvedOn: "2026-03-02", name: "ООО Каталог" });
    other = await partnerWithUsers(h, { approvedOn: "2026-03-02", name: "ООО Другой" });
    await h.db
      .update(s.partners)
      .set({ status: "certified", statusSince: "2026-06-01", statusUntil: "2027-06-01" })
      .where(eq(s.partners.id, p.id));
  });
  afterAll(() => h.close());

  const list = async (cookie?: string, query = "") =>
    body(await h.app.request(`/api/v1/catalogue/editions${query}`, { headers: cookie ? { cookie } : {} }));

  it("R5.2: anyone sees the editions in rank order with the end-user prices of what is sold for them", async () => {
    const { items, partner } = await list();
    expect(partner).toBeNull();
    expect(items.map((e: Item) => e.code)).toEqual([
      "start",
      "standard",
      "small-business",
      "business",
      "corporate-portal",
    ]);
    const start = items.find((e: Item) => e.code === "start");
    expect(start).toMatchObject({ priceRub: 5900 });
    expect(start.partnerPriceRub).toBeUndefined();
    expect(start.offers).toContainEqual({ kind: "upgrade", targetEditionCode: "business", priceRub: 67_000 });
    expect(start.offers).toContainEqual({ kind: "renewal", targetEditionCode: null, priceRub: 2950 });
  });

  it("R2.4: a partner user (limited too) sees its status discount; «1С-Битрикс24» has none", async () => {
    for (const cookie of [p.main, p.limited]) {
      const { items, partner } = await list(cookie);
      expect(partner).toMatchObject({ id: p.id, status: "certified" });
      const business = items.find((e: Item) => e.code === "business");
      expect(business).toMatchObject({ priceRub: 72_900, discountPercent: 45, partnerPriceRub: 40_095 });
      const portal = items.find((e: Item) => e.code === "corporate-portal");
      expect(portal).toMatchObject({ discountPercent: 0, partnerPriceRub: 139_000 });
      expect(portal.offers).toContainEqual({
        kind: "extra_users",
        targetEditionCode: null,
        priceRub: 1500,
        partnerPriceRub: 1500,
      });
    }
  });

  it("R2.4: ?partnerId= picks one of the caller's partners; another partner's id shows no discount", async () => {
    expect((await list(other.main, `?partnerId=${other.id}`)).partner).toMatchObject({
      id: other.id,
      status: "business",
    });
    const { partner, items } = await list(other.main, `?partnerId=${p.id}`);
    expect(partner).toBeNull();
    expect(items[0].discountPercent).toBeUndefined();
  });
});
