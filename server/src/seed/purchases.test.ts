import { pointsForPrice } from "@partner-trust/rules";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { body, createHarness, type Harness, signIn } from "../test/harness.ts";
import { seedDemo } from "./index.ts";

describe("demo seed: purchases and additional points", () => {
  let h: Harness;
  let alfaId: string;
  let partner: string;
  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock("2026-11-24T09:00:00Z") });
    await seedDemo(h);
    const [alfa] = await h.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа"));
    alfaId = alfa!.id;
    partner = await signIn(h.app, "partner@partner-trust.local", "partner-demo");
  });
  afterAll(() => h.close());

  it("R5.2, R2.4: the demo partner's purchases, each at the discount of the status held that day, with its points", async () => {
    const { items } = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/purchases`, { headers: { cookie: partner } }),
    );
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const p of items) {
      expect(p.paidRub).toBe(Math.round((p.priceRub * (100 - p.discountPercent)) / 100));
      expect(p.points).toBe(pointsForPrice(p.priceRub));
    }
    expect(items.find((p: { kind: string }) => p.kind === "upgrade")).toMatchObject({
      editionCode: "start",
      targetEditionCode: "business",
      discountPercent: 50,
      issuedLicenseKey: expect.stringMatching(/^LIC-/),
    });
    // R2.4: «1С-Битрикс24» (the corporate portal) has no partner discount.
    expect(items.find((p: { kind: string }) => p.kind === "extra_users")).toMatchObject({
      discountPercent: 0,
      points: 30,
    });
  });

  it("R5.3: the moderators' queue has two requests, the older one overdue", async () => {
    const moderator = await signIn(h.app, "moderator@partner-trust.local", "moderator-demo");
    const { items } = await body(
      await h.app.request("/api/v1/moderation/additional-points", { headers: { cookie: moderator } }),
    );
    expect(items.map((i: { overdue: boolean }) => i.overdue)).toEqual([true, false]);
  });

  it("R2.4: the price list shows a Gold partner's user its 50% prices", async () => {
    const { items, partner: who } = await body(
      await h.app.request("/api/v1/catalogue/editions", { headers: { cookie: partner } }),
    );
    expect(who).toMatchObject({ id: alfaId, status: "gold" });
    expect(items.find((e: { code: string }) => e.code === "start")).toMatchObject({
      priceRub: 5900,
      partnerPriceRub: 2950,
    });
    const anonymous = await body(await h.app.request("/api/v1/catalogue/editions"));
    expect(anonymous.partner).toBeNull();
    expect(anonymous.items[0].partnerPriceRub).toBeUndefined();
  });
});
