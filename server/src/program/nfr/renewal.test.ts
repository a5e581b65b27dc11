import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moscowMidnight } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { runDailyRecompute } from "../status/daily.ts";
import { createPartner, dayClock, withCatalogue } from "../status/test-support.ts";
import { decideNfrRenewals } from "./renewal.ts";

describe("NFR renewal at the year's end (R6.2d, R6.3c), run by the daily job", () => {
  const clock = dayClock("2027-11-24");
  let h: Harness;
  let seller: Awaited<ReturnType<typeof createPartner>>;
  let quiet: Awaited<ReturnType<typeof createPartner>>;

  const license = (partnerId: string, values: Partial<typeof s.nfrLicenses.$inferInsert>) =>
    h.db
      .insert(s.nfrLicenses)
      .values({
        partnerId,
        licenseKey: `NFR-T-${crypto.randomUUID()}`,
        kind: "request",
        editionCode: "small-business",
        state: "active",
        validFrom: "2026-11-24",
        validUntil: "2027-11-24",
        ...values,
      })
      .returning()
      .then((r) => r[0]!);
  const sale = (partnerId: string, day: string, priceRub: number) =>
    h.db.insert(s.purchases).values({
      partnerId,
      idempotencyKey: crypto.randomUUID(),
      kind: "renewal",
      priceRub,
      purchasedAt: new Date(moscowMidnight(day).getTime() + 3600_000),
    });

  beforeAll(async () => {
    h = await createHarness({ clock });
    await withCatalogue(h.db);
    seller = await createPartner(h.db, { approvedOn: "2026-01-10", name: "ООО Продажи" });
    quiet = await createPartner(h.db, { approvedOn: "2026-01-10", name: "ООО Тишина" });
  });
  afterAll(() => h.close());

  it("R6.2d: sales of twice the edition's price renew for 12 months; less lapses; R6.3c: under 25,000 RUB → the Project plan", async () => {
    const renewing = await license(seller.id, { salesCommitmentRub: 81_800, siteHost: "seller.ru" });
    const b24 = await license(seller.id, {
      kind: "bitrix24",
      editionCode: "bitrix24-company",
      portalDomain: "seller.bitrix24.ru",
      plan: "company",
    });
    const lapsing = await license(quiet.id, { salesCommitmentRub: 81_800, siteHost: "quiet.ru" });
    const quietB24 = await license(quiet.id, {
      kind: "bitrix24",
      editionCode: "bitrix24-company",
      portalDomain: "quiet.bitrix24.ru",
      plan: "company",
    });
    // In the year: 81,800 RUB for the seller (one sale on the last day counts); the quiet one sells 24,999 RUB,
    // and a sale on the anniversary belongs to the next year.
    await sale(seller.id, "2027-01-15", 72_900);
    await sale(seller.id, "2027-11-23", 8_900);
    await sale(quiet.id, "2027-03-01", 24_999);
    await sale(quiet.id, "2027-11-24", 72_900);

    const run = await runDailyRecompute(h.db, "2027-11-24", { clock, holder: "test" });
    expect(run.ran).toBe(true);
    const byId = async (id: string) =>
      (await h.db.select().from(s.nfrLicenses).where(eq(s.nfrLicenses.id, id)))[0]!;
    expect(await byId(renewing.id)).toMatchObject({
      state: "active",
      validFrom: "2027-11-24",
      validUntil: "2028-11-24",
    });
    expect(await byId(b24.id)).toMatchObject({ state: "active", plan: "company", validUntil: "2028-11-24" });
    expect(await byId(lapsing.id)).toMatchObject({
      state: "lapsed",
      revokeReason: expect.stringContaining("R6.2d"),
    });
    expect(await byId(quietB24.id)).toMatchObject({ state: "lapsed", plan: "project" });
    const renewals = await h.db.select().from(s.nfrRenewals);
    expect(
      Object.fromEntries(renewals.map((r) => [r.licenseId, [r.outcome, r.salesRub, r.thresholdRub]])),
    ).toEqual({
      [renewing.id]: ["renewed", 81_800, 81_800],
      [b24.id]: ["renewed", 81_800, 25_000],
      [lapsing.id]: ["lapsed", 24_999, 81_800],
      [quietB24.id]: ["project-plan", 24_999, 25_000],
    });
    const log = await h.db
      .select()
      .from(s.moderationLog)
      .where(eq(s.moderationLog.actorUserId, "system:nfr-renewal"));
    expect(log).toHaveLength(4);
    const mails = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, quiet.mainEmail));
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toMatch(/^NFR-лицензия/);

    // Decided once: running again the same day changes nothing.
    expect(await decideNfrRenewals(h.db, "2027-11-24", { now: clock.now() })).toEqual({
      decided: 0,
      renewed: 0,
      ended: 0,
    });
    expect(await h.db.select().from(s.nfrRenewals)).toHaveLength(4);
  });
});
