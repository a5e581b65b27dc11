import { licenseHash } from "@partner-trust/audit/license";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import { applyMigrations, type Db, openDb } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { freshDatabase, type TestDatabase } from "../../test/harness.ts";
import { auditProjectSite } from "./project.ts";
import { FIXTURE_KEY, type FixtureSite, serveFixture, testNetwork } from "./test-sites.ts";

describe("R5.4f, R5.4c: auditProjectSite — the check a project gets when added", () => {
  let database: TestDatabase;
  let db: Db;
  let close: () => void;
  const clock = fixedClock("2026-11-24T10:00:00Z");
  let good: FixtureSite;
  let demo: FixtureSite;
  let plain: FixtureSite;
  const url = (host: string, site: FixtureSite) => `http://${host}:${site.port}/`;
  const deps = (host: string, allowPrivate = true) => ({ clock, network: testNetwork([host], allowPrivate) });

  beforeAll(async () => {
    database = await freshDatabase();
    ({ db, close } = openDb({ url: database.url }));
    await applyMigrations(db);
    [good, demo, plain] = await Promise.all([
      serveFixture("nfr-good"),
      serveFixture("nfr-bad"),
      serveFixture("plain"),
    ]);
  });
  afterAll(async () => {
    await Promise.all([good, demo, plain].map((x) => x?.close()));
    close();
    await database.destroy();
  });

  it("accepts a site running the registered key (A3 pass, A7 pass, A4 pass) and stores the report", async () => {
    const host = "client-good.test";
    const res = await auditProjectSite(
      db,
      { url: url(host, good), expectedKeyHash: licenseHash(FIXTURE_KEY).toUpperCase() },
      deps(host),
    );
    expect(res.accepted).toBe(true);
    expect(res.findings.map((f) => [f.rule, f.verdict])).toEqual([
      ["A3", "pass"],
      ["A4", "pass"],
      ["A7", "pass"],
    ]);
    const [report] = await db.select().from(s.auditReports).where(eq(s.auditReports.id, res.reportId));
    expect(report).toMatchObject({ source: "server", host, verdict: null });
    expect(report!.note).toMatch(/accepted/);
    const findings = await db
      .select()
      .from(s.auditFindings)
      .where(eq(s.auditFindings.reportId, res.reportId));
    expect(findings.map((f) => f.ruleId).sort()).toEqual(["A3", "A4", "A7"]);
  });

  it("refuses a DEMO key, with the header as evidence", async () => {
    const host = "client-demo.test";
    const res = await auditProjectSite(db, { url: url(host, demo) }, deps(host));
    expect(res.accepted).toBe(false);
    const a3 = res.findings.find((f) => f.rule === "A3");
    expect(a3).toMatchObject({ verdict: "fail", details: { key: "demo" } });
    expect(a3!.evidence).toEqual([
      { url: url(host, demo), header: "X-Powered-CMS: Bitrix Site Manager (DEMO)" },
    ]);
    const [report] = await db.select().from(s.auditReports).where(eq(s.auditReports.id, res.reportId));
    expect(report!.note).toMatch(/refused — A3/);
  });

  it("refuses a site without the header (A3) and without any vendor signal (A7), with evidence", async () => {
    const host = "client-plain.test";
    const res = await auditProjectSite(
      db,
      { url: url(host, plain), expectedKeyHash: licenseHash(FIXTURE_KEY) },
      deps(host),
    );
    expect(res.accepted).toBe(false);
    expect(res.findings.find((f) => f.rule === "A3")).toMatchObject({
      verdict: "fail",
      evidence: [{ url: url(host, plain), header: "X-Powered-CMS: —" }],
    });
    expect(res.findings.find((f) => f.rule === "A7")).toMatchObject({ verdict: "fail" });
  });

  it("refuses a site running another key than the registered one", async () => {
    const host = "client-other.test";
    const res = await auditProjectSite(
      db,
      { url: url(host, good), expectedKeyHash: licenseHash("SOME-OTHER-KEY") },
      deps(host),
    );
    expect(res.accepted).toBe(false);
    expect(res.findings.find((f) => f.rule === "A3")).toMatchObject({ verdict: "fail" });
  });

  it("SSRF: without the test allowance a site on 127.0.0.1 is never fetched, and refused with the reason", async () => {
    const host = "client-private.test";
    const before = good.requests.length;
    const res = await auditProjectSite(
      db,
      { url: url(host, good), expectedKeyHash: licenseHash(FIXTURE_KEY) },
      deps(host, false),
    );
    expect(good.requests.length).toBe(before);
    expect(res.accepted).toBe(false);
    expect(res.findings).toEqual([
      expect.objectContaining({
        rule: "A3",
        verdict: "fail",
        details: { unreachable: true, code: "blocked" },
      }),
    ]);
  });
});
