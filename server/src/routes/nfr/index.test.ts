import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app.ts";
import * as s from "../../db/schema/index.ts";
import { userWith } from "../../program/quality/test-support.ts";
import { type FixtureSite, serveFixture, testNetwork } from "../../program/reaudit/test-sites.ts";
import { recordAccrual } from "../../program/status/apply.ts";
import { createPartner, dayClock, goldTeam, withCatalogue } from "../../program/status/test-support.ts";
import { body, createHarness, type Harness, ORIGIN } from "../../test/harness.ts";
import { jsonInit } from "../../test/http.ts";

const TODAY = "2026-11-24";
const KEY = /^NFR-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/;

describe("NFR licenses (R6)", () => {
  const clock = dayClock(TODAY);
  const logLines: string[] = [];
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let good: FixtureSite;
  let bad: FixtureSite;
  let partner: Awaited<ReturnType<typeof createPartner>>;
  let business: Awaited<ReturnType<typeof createPartner>>;
  let main: string;
  let full: string;
  let limited: string;
  let businessMain: string;
  let mod: string;

  const call = (cookie: string, method: string, path: string, json?: unknown) =>
    app.request(`/api/v1${path}`, jsonInit(method, cookie, json));
  const card = (partnerId: string, website: string) =>
    h.db.insert(s.cardVersions).values({
      partnerId,
      version: 1,
      state: "approved",
      name: "Веб-студия Пример",
      phone: "+7 495 229-14-41",
      email: "info@primer-studio.ru",
      address: "Москва, Тверская улица, дом 7",
      city: "Москва",
      website,
      submittedAt: clock.now(),
      reviewedAt: clock.now(),
    });

  beforeAll(async () => {
    h = await createHarness({ clock });
    good = await serveFixture("nfr-good");
    bad = await serveFixture("nfr-bad");
    // The app as production builds it, with a test network for the site audit and a log we can read.
    const logger = pino(
      { level: "info" },
      new Writable({
        write(chunk, _e, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );
    app = createApp({
      db: h.db,
      auth: h.auth,
      mailer: h.mailer,
      clock,
      logger,
      badges: h.badges,
      publicUrl: ORIGIN,
      nfrSiteNetwork: testNetwork(["own-studio.test", "bad-studio.test"]),
    });
    await withCatalogue(h.db);
    partner = await createPartner(h.db, { approvedOn: "2026-01-10", employees: goldTeam, name: "ООО НФР" });
    // R6.1a: Certified → two status keys.
    await recordAccrual(
      h.db,
      { partnerId: partner.id, day: "2026-11-01", points: 150, sourceType: "purchase", sourceId: "p-1" },
      { clock },
    );
    business = await createPartner(h.db, {
      approvedOn: "2026-01-10",
      employees: [["developer"]],
      name: "ИП Бизнес",
    });
    main = await userWith(h, "main@nfr.ru", { partnerId: partner.id, level: "main" });
    full = await userWith(h, "full@nfr.ru", { partnerId: partner.id, level: "full" });
    limited = await userWith(h, "limited@nfr.ru", { partnerId: partner.id, level: "limited" });
    businessMain = await userWith(h, "main@business.ru", { partnerId: business.id, level: "main" });
    mod = await userWith(h, "mod@nfr.ru", { role: "moderator" });
    await card(partner.id, `http://own-studio.test:${good.port}/`);
    await card(business.id, `http://bad-studio.test:${bad.port}/`);
  });
  afterAll(async () => {
    await good.close();
    await bad.close();
    await h.close();
  });

  const keysOf = async (cookie: string) =>
    (await body(await call(cookie, "GET", `/partners/${partner.id}/nfr`))).licenses;

  it("R6.1a, R4E: the status keys are shown to main and full users only", async () => {
    const licenses = await keysOf(main);
    expect(licenses.filter((l: { kind: string }) => l.kind === "status")).toHaveLength(2);
    for (const l of licenses) expect(l.licenseKey).toMatch(KEY);
    expect(await keysOf(full)).toEqual(licenses);
    expect((await call(limited, "GET", `/partners/${partner.id}/nfr`)).status).toBe(403);
    expect((await call(mod, "GET", `/partners/${partner.id}/nfr`)).status).toBe(403);
    expect((await call(businessMain, "GET", `/partners/${partner.id}/nfr`)).status).toBe(403);
    expect((await call("", "GET", `/partners/${partner.id}/nfr`)).status).toBe(401);
  });

  it("R6.1b: a status key's edition goes down on request, after the moderator's approval", async () => {
    const [key] = (await keysOf(main)).filter((l: { kind: string }) => l.kind === "status");
    const path = `/partners/${partner.id}/nfr/downgrade`;
    expect((await call(limited, "POST", path, { licenseId: key.id, editionCode: "start" })).status).toBe(403);
    let res = await call(main, "POST", path, { licenseId: key.id, editionCode: "business" });
    expect(res.status).toBe(422);
    expect((await body(res)).errors[0].path).toBe("editionCode");
    expect((await call(main, "POST", path, { licenseId: "nope", editionCode: "start" })).status).toBe(404);
    // R6.1b: Certified or Gold only.
    expect(
      (
        await call(businessMain, "POST", `/partners/${business.id}/nfr/downgrade`, {
          licenseId: key.id,
          editionCode: "start",
        })
      ).status,
    ).toBe(409);
    res = await call(full, "POST", path, { licenseId: key.id, editionCode: "start" });
    expect(res.status).toBe(201);
    const request = await body(res);
    expect(request).toMatchObject({
      kind: "downgrade",
      state: "pending",
      fromEditionCode: "business",
      editionCode: "start",
    });
    expect((await call(main, "POST", path, { licenseId: key.id, editionCode: "standard" })).status).toBe(409);

    const queue = await body(await call(mod, "GET", "/moderation/nfr-requests"));
    expect(queue.items).toEqual([expect.objectContaining({ id: request.id, partnerName: "ООО НФР" })]);
    expect(JSON.stringify(queue)).not.toContain(key.licenseKey);
    expect(
      (await call(mod, "POST", `/moderation/nfr-requests/${request.id}/decide`, { approve: true })).status,
    ).toBe(422);
    res = await call(mod, "POST", `/moderation/nfr-requests/${request.id}/decide`, {
      approve: true,
      reason: "Для демостенда",
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await body(res))).not.toContain(key.licenseKey);
    const after = (await keysOf(main)).find((l: { id: string }) => l.id === key.id);
    expect(after).toMatchObject({ editionCode: "start", licenseKey: key.licenseKey, state: "active" });
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, request.id));
    expect(log).toEqual([
      expect.objectContaining({ action: "nfr.downgrade.approve", reason: "Для демостенда" }),
    ]);
    expect(
      (
        await call(mod, "POST", `/moderation/nfr-requests/${request.id}/decide`, {
          approve: true,
          reason: "ещё раз",
        })
      ).status,
    ).toBe(409);
  });

  it("R6.2a–c: NFR on request — conditions checked with the engine, the site audited (A1, A5), then a moderator issues the key", async () => {
    const path = `/partners/${partner.id}/nfr-requests`;
    const ask = { siteUrl: `http://own-studio.test:${good.port}/`, editionCode: "small-business" };
    // Not the partner's own site (neither the card's website nor a verified domain).
    let res = await call(main, "POST", path, { ...ask, siteUrl: `http://bad-studio.test:${bad.port}/` });
    expect(res.status).toBe(422);
    expect((await body(res)).errors[0].path).toBe("siteUrl");
    expect((await call(main, "POST", path, { ...ask, editionCode: "nope" })).status).toBe(422);
    // R6.2b: no paper contract yet — the audit passes, the engine lists the one unmet condition.
    res = await call(main, "POST", path, ask);
    expect(res.status).toBe(422);
    expect((await body(res)).errors.map((e: { path: string }) => e.path)).toEqual([
      "conditions.paper-contract",
    ]);
    await h.db.update(s.partners).set({ paperContractAt: clock.now() }).where(eq(s.partners.id, partner.id));
    res = await call(main, "POST", path, ask);
    expect(res.status).toBe(201);
    const request = await body(res);
    expect(request).toMatchObject({ state: "pending", eligibility: { eligible: true, unmet: [] } });
    expect(request.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: "A1", verdict: "pass" }),
        expect.objectContaining({ rule: "A5", verdict: "pass" }),
      ]),
    );
    const [report] = await h.db
      .select()
      .from(s.auditReports)
      .where(eq(s.auditReports.id, request.auditReportId));
    expect(report).toMatchObject({ partnerId: partner.id });
    expect((await call(main, "POST", path, ask)).status).toBe(409);

    res = await call(mod, "POST", `/moderation/nfr-requests/${request.id}/decide`, {
      approve: true,
      reason: "Сайт соответствует",
    });
    expect(res.status).toBe(200);
    const { licenseId } = await body(res);
    const license = (await keysOf(main)).find((l: { id: string }) => l.id === licenseId);
    // R6.2d: a year, and the commitment of twice the edition's price (Малый бизнес, 40,900 RUB).
    expect(license).toMatchObject({
      kind: "request",
      state: "active",
      siteHost: "own-studio.test",
      editionCode: "small-business",
      validFrom: TODAY,
      validUntil: "2027-11-24",
      salesCommitmentRub: 81_800,
      currentYear: { from: TODAY, until: "2027-11-24", salesRub: 0 },
    });
    expect(license.licenseKey).toMatch(KEY);
    const mails = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, partner.mainEmail));
    expect(mails.map((m) => m.subject)).toContain("NFR: заявка одобрена / NFR: request approved");
    for (const m of mails) expect(m.text).not.toContain(license.licenseKey);
    // R6.2a: once.
    res = await call(main, "POST", path, ask);
    expect(res.status).toBe(422);
    expect((await body(res)).errors.map((e: { path: string }) => e.path)).toEqual([
      "conditions.not-used-before",
    ]);
  });

  it("R6.2b–c, A1, A5: a site without the integration content and on a standard template is refused with the audit", async () => {
    await h.db.update(s.partners).set({ paperContractAt: clock.now() }).where(eq(s.partners.id, business.id));
    const res = await call(businessMain, "POST", `/partners/${business.id}/nfr-requests`, {
      siteUrl: `http://bad-studio.test:${bad.port}/`,
      editionCode: "start",
    });
    expect(res.status).toBe(422);
    const problem = await body(res);
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([
      "conditions.integration-audit",
      "conditions.original-design",
    ]);
    const reports = await h.db.select().from(s.auditReports).where(eq(s.auditReports.partnerId, business.id));
    expect(reports).toHaveLength(1);
    expect(problem.detail).toContain(reports[0]!.id);
    // The evidence comes with the refusal: A1's finding on the page that lacks the content.
    expect(problem.auditReportId).toBe(reports[0]!.id);
    const a1 = problem.findings.find((f: { rule: string }) => f.rule === "A1");
    expect(a1).toMatchObject({
      verdict: "fail",
      message: { ru: expect.any(String), en: expect.any(String) },
    });
    expect(a1.evidence.length).toBeGreaterThan(0);
  });

  it("R6.3a, R6.3b: Bitrix24 NFR by portal domain — cloud domains only (no custom domain), one live per partner and per portal", async () => {
    const path = `/partners/${partner.id}/nfr/bitrix24`;
    let res = await call(main, "POST", path, { portalDomain: "crm.example.com" });
    expect(res.status).toBe(422);
    expect((await body(res)).errors[0].path).toBe("portalDomain");
    expect((await call(limited, "POST", path, { portalDomain: "nfr-studio.bitrix24.ru" })).status).toBe(403);
    res = await call(full, "POST", path, { portalDomain: "https://NFR-Studio.bitrix24.ru/" });
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({
      portalDomain: "nfr-studio.bitrix24.ru",
      plan: "company",
      validUntil: "2027-11-24",
    });
    expect((await call(main, "POST", path, { portalDomain: "other.bitrix24.ru" })).status).toBe(409);
    expect(
      (
        await call(businessMain, "POST", `/partners/${business.id}/nfr/bitrix24`, {
          portalDomain: "nfr-studio.bitrix24.ru",
        })
      ).status,
    ).toBe(409);
    const b24 = (await keysOf(main)).find((l: { kind: string }) => l.kind === "bitrix24");
    expect(b24).toMatchObject({ state: "active", plan: "company", editionCode: "bitrix24-company" });
    expect(b24.licenseKey).toMatch(KEY);
  });

  it("keys never reach the log", async () => {
    const keys = (await keysOf(main)).map((l: { licenseKey: string }) => l.licenseKey);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    const log = logLines.join("");
    expect(log).toContain("NFR request decided");
    for (const k of keys) expect(log).not.toContain(k);
  });
});
