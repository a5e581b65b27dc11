import { and, count, countDistinct, eq, gt, gte, sql, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { body, createHarness, type Harness, signIn } from "../test/harness.ts";
import { demoAccounts } from "./accounts.ts";
import { seedDemo } from "./index.ts";
import { partnerPlans } from "./plans.ts";

const today = new Date("2026-11-24T09:00:00Z");

describe("demo seed", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock(today) });
    expect((await seedDemo(h)).seeded).toBe(true);
  });
  afterAll(() => h.close());

  it("is idempotent: a second run on a non-empty database does nothing", async () => {
    const [before] = await h.db.select({ n: count() }).from(s.pointAccruals);
    expect((await seedDemo(h)).seeded).toBe(false);
    const [after] = await h.db.select({ n: count() }).from(s.pointAccruals);
    expect(after!.n).toBe(before!.n);
  });

  it("creates the demo accounts, and each can sign in and see itself", async () => {
    for (const a of demoAccounts) {
      const cookie = await signIn(h.app, a.email, a.password);
      const me = await body(await h.app.request("/api/v1/me", { headers: { cookie } }));
      expect(me.email).toBe(a.email);
      expect(me.roles[0]).toBe(a.role);
    }
    const partner = demoAccounts.find((a) => a.key === "partner")!;
    const meOf = async (email: string, password: string) =>
      body(await h.app.request("/api/v1/me", { headers: { cookie: await signIn(h.app, email, password) } }));
    const me = await meOf(partner.email, partner.password);
    expect(me.roles).toEqual(["client", "partner"]);
    expect(me.partnerLinks[0]).toMatchObject({ partnerName: "Веб-студия Альфа", level: "main" });
    const employee = demoAccounts.find((a) => a.key === "employee")!;
    const emp = await meOf(employee.email, employee.password);
    expect(emp.partnerLinks[0]).toMatchObject({ level: "limited", leads: true, invitation: "accepted" });
  });

  it("leaves statuses at the approval default for the rules engine", async () => {
    const rows = await h.db.select().from(s.partners);
    expect(rows).toHaveLength(partnerPlans.length);
    for (const p of rows) {
      expect(p.status).toBe("business");
      expect(p.statusSince).toEqual(p.approvedAt);
    }
  });

  it("R2.2/R2.3/R5.6: the facts make each partner meet exactly its intended status", async () => {
    // R5.6: an accrual of day D counts through D + 1y − 1, so the window starts the day after one year ago.
    const yearAgo = new Date(today);
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    const fromDay = moscowDay(yearAgo);
    const qmSince = yearAgo;
    const needs = Object.fromEntries(
      (await h.db.select().from(s.certificationRequirements)).map((r) => [r.status, r.employees]),
    );

    for (const plan of partnerPlans) {
      const [p] = await h.db.select().from(s.partners).where(eq(s.partners.name, plan.name));
      const [active] = await h.db
        .select({ points: sum(s.pointAccruals.points).mapWith(Number) })
        .from(s.pointAccruals)
        .where(and(eq(s.pointAccruals.partnerId, p!.id), gt(s.pointAccruals.day, fromDay)));
      const [all] = await h.db
        .select({ points: sum(s.pointAccruals.points).mapWith(Number) })
        .from(s.pointAccruals)
        .where(eq(s.pointAccruals.partnerId, p!.id));
      const [certified] = await h.db
        .select({ n: countDistinct(s.employeeLinks.userId) })
        .from(s.employeeLinks)
        .innerJoin(s.certificates, eq(s.certificates.userId, s.employeeLinks.userId))
        .where(and(eq(s.employeeLinks.partnerId, p!.id), eq(s.employeeLinks.invitation, "accepted")));
      const [qm] = await h.db
        .select({ n: count() })
        .from(s.qmSubmissions)
        .where(and(eq(s.qmSubmissions.partnerId, p!.id), gte(s.qmSubmissions.completedAt, qmSince)));

      const points = active!.points ?? 0;
      // Older accruals exist and have expired.
      expect(all!.points, plan.slug).toBeGreaterThan(points);
      const meetsCertified = points >= 100 && certified!.n >= needs.certified!;
      const meetsGold = points >= 500 && certified!.n >= needs.gold! && qm!.n > 0;
      const reached = meetsGold ? "gold" : meetsCertified ? "certified" : "business";
      expect(reached, `${plan.slug}: ${points} points, ${certified!.n} certified, ${qm!.n} QM`).toBe(
        plan.target,
      );
    }
  });

  it("stores accrual days as Moscow dates over the last two years", async () => {
    const [range] = await h.db
      .select({
        min: sql<string>`min(${s.pointAccruals.day})`,
        max: sql<string>`max(${s.pointAccruals.day})`,
      })
      .from(s.pointAccruals);
    expect(range!.min >= "2024-11-24").toBe(true);
    expect(range!.max <= moscowDay(today)).toBe(true);
    expect(range!.min).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("has one NFR license on request, leads, competencies, a moderation log and the approval mail", async () => {
    const nfr = await h.db.select().from(s.nfrLicenses);
    expect(nfr).toEqual([expect.objectContaining({ kind: "request", siteHost: "alfa-web.ru" })]);
    expect((await h.db.select().from(s.leads)).length).toBeGreaterThanOrEqual(3);
    expect((await h.db.select().from(s.partnerCompetencies)).length).toBeGreaterThan(0);
    expect((await h.db.select().from(s.moderationLog)).length).toBeGreaterThan(0);
    const mails = await h.db.select().from(s.emailOutbox);
    expect(mails).toEqual([
      expect.objectContaining({
        to: "partner@partner-trust.local",
        subject: "Заявка одобрена / Application approved",
      }),
    ]);
  });
});
