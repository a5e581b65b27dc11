import {
  conditionsOn,
  defaultCatalogue,
  evaluatePartner,
  highestMet,
  statusNfrKeys,
} from "@partner-trust/rules";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { loadCatalogue } from "../program/catalogue/store.ts";
import { conditionsFor } from "../program/status/conditions.ts";
import { loadPartnerFacts } from "../program/status/facts.ts";
import { partnersByStatus } from "../program/status/summary.ts";
import { body, createHarness, type Harness, signIn } from "../test/harness.ts";
import { demoAccounts } from "./accounts.ts";
import { seedDemo } from "./index.ts";
import { partnerPlans } from "./plans.ts";
import { terminatedDemoPartner } from "./widgets.ts";

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

  it("R2.2/R2.3: the catalogue tables hold the engine's defaultCatalogue, read back by loadCatalogue", async () => {
    const loaded = await loadCatalogue(h.db);
    // R6.2b's course list is a set: the tables keep it as a flag per course, in course order.
    const sorted = (c: typeof loaded) => ({ ...c, nfrCourses: [...c.nfrCourses].sort() });
    expect(sorted(loaded)).toEqual(sorted(defaultCatalogue));
  });

  it("R2.5/R3.2: every partner's stored state is evaluatePartner's over its stored facts, and its plan's status", async () => {
    const rows = await h.db.select().from(s.partners);
    // The plans, and the terminated demo partner (widgets).
    expect(rows).toHaveLength(partnerPlans.length + 1);
    expect(rows.find((r) => r.name === terminatedDemoPartner.name)).toMatchObject({ status: "none" });
    const on = moscowDay(today);
    for (const plan of partnerPlans) {
      const p = rows.find((r) => r.name === plan.name)!;
      const facts = (await loadPartnerFacts(h.db, p.id))!;
      const engine = evaluatePartner(facts, on, defaultCatalogue);
      expect({ status: p.status, since: p.statusSince, until: p.statusUntil }, plan.slug).toEqual(
        engine.state,
      );
      expect(p.status, plan.slug).toBe(plan.target);
      // The history is the engine's list of changes.
      const history = await h.db
        .select()
        .from(s.statusChanges)
        .where(eq(s.statusChanges.partnerId, p.id))
        .orderBy(asc(s.statusChanges.on));
      expect(
        history.map((c) => ({ on: c.on, from: c.fromStatus, to: c.toStatus, reason: c.reason })),
      ).toEqual(engine.changes);
      // R6.1a: the status NFR keys the status gives.
      const keys = await h.db
        .select()
        .from(s.nfrLicenses)
        .where(
          and(
            eq(s.nfrLicenses.partnerId, p.id),
            eq(s.nfrLicenses.kind, "status"),
            eq(s.nfrLicenses.state, "active"),
          ),
        );
      expect(keys, plan.slug).toHaveLength(statusNfrKeys(plan.target));
    }
    // What the start command prints.
    expect(await partnersByStatus(h.db)).toBe("3 gold, 3 certified, 3 business, 1 terminated");
  });

  it("R2.2/R2.3/R5.6: the SQL conditions equal the engine's, meet exactly the intended status, older points expired", async () => {
    const on = moscowDay(today);
    const conditions = await conditionsFor(h.db, "all", on);
    for (const plan of partnerPlans) {
      const [p] = await h.db.select().from(s.partners).where(eq(s.partners.name, plan.name));
      const facts = (await loadPartnerFacts(h.db, p!.id))!;
      const fromSql = conditions.get(p!.id)!;
      expect(fromSql, plan.slug).toEqual(conditionsOn(facts, on));
      expect(highestMet(fromSql, defaultCatalogue.requirements), plan.slug).toBe(plan.target);
      const all = facts.accruals.reduce((n, a) => n + a.points, 0);
      expect(all, plan.slug).toBeGreaterThan(fromSql.activePoints);
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
    const nfr = await h.db.select().from(s.nfrLicenses).where(eq(s.nfrLicenses.kind, "request"));
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
