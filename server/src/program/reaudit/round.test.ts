import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { body, createHarness, type Harness, signIn, signUp } from "../../test/harness.ts";
import { dayClock } from "../status/test-support.ts";
import { roundLeaseName, runReauditRound } from "./round.ts";
import { msUntilNextRound, startReauditScheduler } from "./schedule.ts";
import { REAUDIT_ACTOR } from "./store.ts";
import { deadPort, type FixtureSite, nfrPartner, serveFixture, testNetwork } from "./test-sites.ts";

const silent = pino({ level: "silent" });

describe("R6.2c: server re-audits of NFR sites", () => {
  const clock = dayClock("2026-12-01");
  let h: Harness;
  let moderator: string;
  const sites: FixtureSite[] = [];
  const reports = async (host: string) =>
    body(await h.app.request(`/api/v1/audit-reports?host=${host}`, { headers: { cookie: moderator } }));
  const site = async (host: string, key: string) => {
    const fixture = await serveFixture("nfr-good", { key });
    sites.push(fixture);
    const partner = await nfrPartner(h.db, host, fixture.port, key);
    return { fixture, partner };
  };

  beforeAll(async () => {
    h = await createHarness({ clock });
    await signUp(h.app, "mod@example.ru", "moderator-pass", "Модератор");
    await h.db.update(s.user).set({ role: "moderator" }).where(eq(s.user.email, "mod@example.ru"));
    moderator = await signIn(h.app, "mod@example.ru", "moderator-pass");
  });
  afterAll(async () => {
    await Promise.all(sites.map((x) => x.close()));
    await h.close();
  });

  it("a compliant site passes; hiding the footer later is flagged for moderators, once", async () => {
    const host = "studio-pass.test";
    const { fixture, partner } = await site(host, "NFR-REQ-PASS-0001");
    const network = testNetwork([host]);
    const round = (day: string, holder: string) => {
      clock.set(day);
      return runReauditRound(h.db, { clock, holder, network, host, logger: silent });
    };

    const first = await round("2026-12-01", "a");
    expect(first).toMatchObject({ ran: true, summary: { sites: 1, audited: 1, pass: 1, flagged: 0 } });
    if (!first.ran) throw new Error("unreachable");
    expect(first.summary.reports[0]).toMatchObject({ host, reachable: true, a1: "pass", fails: [] });
    expect(fixture.requests.length).toBeGreaterThanOrEqual(5); // crawled: every page of the site
    // A3 ran against the NFR key's hash, A2 against the approved card.
    const [stored] = (await reports(host)).items;
    expect(stored).toMatchObject({ partnerId: partner.id, verdict: null, auditor: { id: null } });
    expect(stored.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: "A1", verdict: "pass" }),
        expect.objectContaining({ rule: "A2", verdict: "pass" }),
        expect.objectContaining({ rule: "A3", verdict: "pass" }),
      ]),
    );
    const [row] = await h.db.select().from(s.auditReports).where(eq(s.auditReports.id, stored.id));
    expect(row!.source).toBe("server");

    fixture.hideFooter(true);
    const second = await round("2026-12-02", "a");
    expect(second).toMatchObject({ ran: true, summary: { fail: 1, flagged: 1 } });
    const [flagged] = (await reports(host)).items;
    expect(flagged).toMatchObject({ verdict: "follow_up", partnerId: partner.id });
    expect(flagged.note).toMatch(/needs a moderator's review/);
    expect(flagged.findings).toContainEqual(expect.objectContaining({ rule: "A1", verdict: "fail" }));
    // The per-page evidence says how the footer is hidden.
    const pages = await h.db
      .select()
      .from(s.auditFindings)
      .where(and(eq(s.auditFindings.reportId, flagged.id), eq(s.auditFindings.ruleId, "A1")));
    expect(pages.filter((p) => p.pageUrl !== null && p.outcome === "fail").length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(pages)).toMatch(/display-none|display:\s*none/);
    // Moderators are told: the moderation log and an e-mail through the outbox.
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, flagged.id));
    expect(log).toEqual([
      expect.objectContaining({
        actorUserId: REAUDIT_ACTOR,
        action: "audit.needs_review",
        targetType: "audit_report",
      }),
    ]);
    const mails = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, "mod@example.ru"));
    expect(mails.filter((m) => m.subject.includes(host))).toHaveLength(1);

    // Still hidden the next day: recorded as a fail, not flagged again.
    const third = await round("2026-12-03", "a");
    expect(third).toMatchObject({ ran: true, summary: { fail: 1, flagged: 0 } });
    const [repeat] = (await reports(host)).items;
    expect(repeat).toMatchObject({ verdict: null });
    expect(repeat.findings).toContainEqual(expect.objectContaining({ rule: "A1", verdict: "fail" }));
  });

  it("an unreachable site is stored as a report with a clear finding", async () => {
    const host = "studio-down.test";
    await nfrPartner(h.db, host, await deadPort(), "NFR-REQ-DOWN-0001");
    clock.set("2026-12-10");
    const run = await runReauditRound(h.db, {
      clock,
      holder: "a",
      network: testNetwork([host]),
      host,
      logger: silent,
    });
    expect(run).toMatchObject({ ran: true, summary: { audited: 1, unreachable: 1, flagged: 0 } });
    const [stored] = (await reports(host)).items;
    expect(stored.note).toMatch(/site unreachable — network/);
    expect(stored.findings).toEqual([
      expect.objectContaining({
        rule: "A1",
        verdict: "review",
        message: expect.objectContaining({ en: expect.stringMatching(/^Site unreachable/) }),
      }),
    ]);
    const [finding] = await h.db
      .select()
      .from(s.auditFindings)
      .where(eq(s.auditFindings.reportId, stored.id));
    expect(finding).toMatchObject({ details: { unreachable: true, code: "network" } });
    expect(finding!.evidence).toEqual([expect.objectContaining({ url: expect.stringContaining(host) })]);
  });

  it("the lease: two concurrent rounds of a day run once; the day is then done", async () => {
    const host = "studio-lease.test";
    const { fixture } = await site(host, "NFR-REQ-LEASE-0001");
    clock.set("2026-12-20");
    const options = { clock, network: testNetwork([host]), host, logger: silent };
    const runs = await Promise.all([
      runReauditRound(h.db, { ...options, holder: "instance-1" }),
      runReauditRound(h.db, { ...options, holder: "instance-2" }),
    ]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect(runs.find((r) => !r.ran)).toEqual({ ran: false, reason: "running" });
    expect((await reports(host)).items).toHaveLength(1);
    expect(fixture.requests.filter((p) => p === "/")).toHaveLength(1);
    const [lease] = await h.db
      .select()
      .from(s.leases)
      .where(eq(s.leases.name, roundLeaseName("2026-12-20")));
    expect(lease!.expiresAt.getUTCFullYear()).toBe(9999);
    expect(await runReauditRound(h.db, { ...options, holder: "instance-2" })).toEqual({
      ran: false,
      reason: "done",
    });
  });

  it("SSRF: a site resolving to 127.0.0.1 is refused without the test allowance", async () => {
    const host = "studio-private.test";
    const { fixture } = await site(host, "NFR-REQ-PRIV-0001");
    clock.set("2026-12-21");
    const run = await runReauditRound(h.db, {
      clock,
      holder: "cli",
      manual: true,
      network: testNetwork([host], false),
      host,
      logger: silent,
    });
    expect(run).toMatchObject({ ran: true, summary: { unreachable: 1 } });
    expect(fixture.requests).toEqual([]);
    const [stored] = (await reports(host)).items;
    expect(stored.note).toMatch(/site unreachable — blocked/);
    expect(stored.findings[0].message.en).toMatch(/refused for audits.*127\.0\.0\.1/);
  });

  it("shutdown: an aborted round stores nothing and releases the day for another instance", async () => {
    const host = "studio-stop.test";
    const { fixture } = await site(host, "NFR-REQ-STOP-0001");
    clock.set("2026-12-22");
    const options = { clock, network: testNetwork([host]), host, logger: silent };
    const stopped = await runReauditRound(h.db, { ...options, holder: "a", signal: AbortSignal.abort() });
    expect(stopped).toMatchObject({ ran: true, summary: { sites: 1, audited: 0, stopped: true } });
    expect((await reports(host)).items).toEqual([]);
    expect(fixture.requests).toEqual([]);
    const other = await runReauditRound(h.db, { ...options, holder: "b" });
    expect(other).toMatchObject({ ran: true, summary: { audited: 1, pass: 1, stopped: false } });
  });

  it("the scheduler waits for 04:00 MSK (no round at start) and stops at once", async () => {
    const scheduler = startReauditScheduler({ db: h.db, clock, logger: silent });
    const before = await h.db.select().from(s.auditReports);
    await scheduler.stop();
    expect(await h.db.select().from(s.auditReports)).toHaveLength(before.length);
  });

  it("the schedule: 04:00 Moscow time, the next one strictly after now", () => {
    expect(msUntilNextRound(new Date("2026-12-01T00:00:00Z"))).toBe(60 * 60 * 1000); // 03:00 MSK
    expect(msUntilNextRound(new Date("2026-12-01T01:00:00Z"))).toBe(24 * 60 * 60 * 1000); // 04:00 MSK
    expect(msUntilNextRound(new Date("2026-12-01T20:30:00Z"))).toBe(4.5 * 60 * 60 * 1000); // 23:30 MSK
  });
});
