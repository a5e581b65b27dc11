import { evaluatePartner } from "@partner-trust/rules";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { applyStatus, recordAccrual } from "./apply.ts";
import { loadPartnerFacts } from "./facts.ts";
import {
  at,
  createPartner,
  dayClock,
  goldTeam,
  partnerState,
  statusKeys,
  withCatalogue,
} from "./test-support.ts";

const accrual = (partnerId: string, day: string, points: number) => ({
  partnerId,
  day,
  points,
  sourceType: "additional" as const,
  sourceId: crypto.randomUUID(),
});

describe("status on events (R2.5)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await withCatalogue(h.db);
  });
  afterAll(() => h.close());

  it("R2.5, R6.1a: an accrual that crosses 100 points upgrades at once, mails the main user, issues 2 keys", async () => {
    const clock = dayClock("2025-03-01");
    const p = await createPartner(h.db, {
      approvedOn: "2025-01-10",
      employees: [["admin-basic"], ["developer"]],
    });
    const first = await recordAccrual(h.db, accrual(p.id, "2025-03-01", 60), { clock });
    expect(first.change).toBeUndefined();
    expect(await partnerState(h.db, p.id)).toEqual({ status: "business", since: "2025-01-10", until: null });

    clock.set("2025-03-05");
    const second = await recordAccrual(h.db, accrual(p.id, "2025-03-05", 45), { clock });
    expect(second.change).toEqual({ from: "business", to: "certified", reason: "upgrade" });
    expect(await partnerState(h.db, p.id)).toEqual({
      status: "certified",
      since: "2025-03-05",
      until: "2026-03-05",
    });

    const mails = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, p.mainEmail));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(
      "Статус партнёра: Сертифицированный партнёр / Partner status: Certified partner",
    );
    const text = mails[0]!.text;
    expect(text.indexOf("Поздравляем")).toBeGreaterThanOrEqual(0);
    expect(text.indexOf("Поздравляем")).toBeLessThan(text.indexOf("Congratulations")); // Russian first

    const keys = await statusKeys(h.db, p.id);
    expect(keys).toHaveLength(2);
    for (const k of keys) {
      expect(k).toMatchObject({ state: "active", editionCode: "business", issuedOn: "2025-03-05" });
      expect(k.licenseKey).toMatch(/^NFR(-[0-9A-Z]{5}){4}$/);
    }
    expect(new Set(keys.map((k) => k.licenseKey)).size).toBe(2);

    const history = await h.db.select().from(s.statusChanges).where(eq(s.statusChanges.partnerId, p.id));
    expect(history).toEqual([
      expect.objectContaining({
        fromStatus: "business",
        toStatus: "certified",
        reason: "upgrade",
        on: "2025-03-05",
      }),
    ]);
    const terms = await h.db.select().from(s.statusTerms).where(eq(s.statusTerms.partnerId, p.id));
    expect(terms.map((t) => [t.status, t.startsOn, t.endsOn, t.outcome])).toEqual([
      ["business", "2025-01-10", "2025-03-05", "superseded"],
      ["certified", "2025-03-05", "2026-03-05", "active"],
    ]);
    // The engine's replay of the same stored facts agrees.
    const facts = (await loadPartnerFacts(h.db, p.id))!;
    expect(evaluatePartner(facts, "2025-03-05").state).toEqual(await partnerState(h.db, p.id));
  });

  it("R2.5: applying the status again on the same day changes nothing", async () => {
    const clock = dayClock("2025-04-01");
    const p = await createPartner(h.db, {
      approvedOn: "2025-01-10",
      employees: [["admin-basic", "developer"]],
    });
    await recordAccrual(h.db, accrual(p.id, "2025-04-01", 120), { clock });
    const again = await applyStatus(h.db, p.id, "2025-04-01", { clock });
    expect(again.change).toBeUndefined();
    expect(await statusKeys(h.db, p.id)).toHaveLength(2);
  });

  it("R1.5c: termination → none at once, every NFR license revoked, the main user told", async () => {
    const clock = dayClock("2025-03-01");
    const p = await createPartner(h.db, { approvedOn: "2025-01-10", employees: goldTeam });
    await recordAccrual(h.db, accrual(p.id, "2025-03-01", 150), { clock });
    expect(await statusKeys(h.db, p.id)).toHaveLength(2);
    await h.db.insert(s.nfrLicenses).values({
      partnerId: p.id,
      licenseKey: `REQ-${p.id}`,
      kind: "request",
      editionCode: "start",
      state: "active",
    });

    clock.set("2025-06-01");
    await h.db
      .update(s.partners)
      .set({ terminatedAt: at("2025-06-01") })
      .where(eq(s.partners.id, p.id));
    const step = await applyStatus(h.db, p.id, "2025-06-01", { clock });
    expect(step.change).toEqual({ from: "certified", to: "none", reason: "terminated" });
    expect(await partnerState(h.db, p.id)).toEqual({ status: "none", since: "2025-06-01", until: null });
    const keys = await statusKeys(h.db, p.id);
    expect(keys.map((k) => k.state)).toEqual(["revoked", "revoked"]);
    expect(keys[0]!.revokeReason).toContain("terminated");
    // R1.5c: every NFR license goes, the on-request one too.
    const all = await h.db.select().from(s.nfrLicenses).where(eq(s.nfrLicenses.partnerId, p.id));
    expect(all.find((k) => k.kind === "request")).toMatchObject({ state: "revoked" });
    const mails = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, p.mainEmail));
    expect(mails.map((m) => m.subject)).toContain(
      "Статус партнёра: не является партнёром / Partner status: no longer a partner",
    );
    // Final: new points change nothing.
    await recordAccrual(h.db, accrual(p.id, "2025-06-01", 900), { clock });
    expect((await partnerState(h.db, p.id)).status).toBe("none");
  });

  it("refuses an unknown partner with a not-found error", async () => {
    await expect(
      applyStatus(h.db, "no-such-partner", "2025-01-01", { clock: dayClock("2025-01-01") }),
    ).rejects.toThrow(/No partner/);
  });
});
