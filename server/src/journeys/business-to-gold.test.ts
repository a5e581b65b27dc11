// Issue 6, end to end through the real HTTP app: a new partner walks from Business (R2.1) to Certified (R2.2)
// to Gold (R2.3) through real purchases (R5.2), projects checked against LOCAL client sites (R5.4f), quality
// monitoring (R5.5) and certificates (R4C.1). At every step the stored status and the cabinet's points are
// what the rules engine's simulator predicts from the same facts; a demo key, a missing license header and a
// duplicate host are refused with evidence.
import { type Answer, simulate } from "@partner-trust/rules";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../db/schema/index.ts";
import { seedPurchasePrices } from "../program/purchases/prices.ts";
import { call, userWith, withQmCatalogue } from "../program/quality/test-support.ts";
import { dayClock, withCatalogue } from "../program/status/test-support.ts";
import { body, createHarness, type Harness, signIn, signUp } from "../test/harness.ts";
import { type ProjectSites, startProjectSites } from "../test/project-sites.ts";

type Event = Record<string, unknown> & { on: string; type: string };

describe("issue 6 journey: Business → Certified → Gold (R2.1–R2.3, R5.2, R5.4, R5.5, R4C.1)", () => {
  const clock = dayClock("2026-03-02");
  let h: Harness;
  let sites: ProjectSites;
  let admin: string;
  let moderator: string;
  let main: string;
  let partnerId: string;
  let approvedOn: string;
  /** The facts as the simulator's scenario events, recorded as the walk makes them. */
  const events: Event[] = [];
  let keyNo = 0;

  beforeAll(async () => {
    sites = await startProjectSites();
    h = await createHarness({ clock, projectSiteNetwork: sites.network });
    // The data the start command seeds: the engine's catalogue, the purchase price list, the QM questionnaire.
    await withCatalogue(h.db);
    await seedPurchasePrices(h.db, clock.now());
    await withQmCatalogue(h);
    admin = await userWith(h, "admin@journey.test", { role: "admin" });
    moderator = await userWith(h, "moderator@journey.test", { role: "moderator" });
  });
  afterAll(async () => {
    await h?.close();
    await sites?.close();
  });

  const today = () => clock.day();
  /** The simulator's answer for today from every fact so far (the engine, not the server). */
  const predicted = (): Answer =>
    simulate({ partner: { approvedOn, city: "Казань" }, events, ask: [today()] }).answers[0]!;
  /** The server's view: the stored state (partners row) and the cabinet's standing. */
  async function expectAsSimulated(status: "business" | "certified" | "gold") {
    const sim = predicted();
    expect(sim.status).toBe(status);
    const [row] = await h.db.select().from(s.partners).where(eq(s.partners.id, partnerId));
    expect({ status: row!.status, since: row!.statusSince, until: row!.statusUntil }).toEqual({
      status: sim.status,
      since: sim.statusSince,
      until: sim.statusUntil,
    });
    const standing = await body(await call(h, main, "GET", `/partners/${partnerId}/standing`));
    expect(standing).toMatchObject({
      status: sim.status,
      since: sim.statusSince,
      activePoints: sim.activePoints,
      qmParticipant: sim.qmParticipant,
      nfrKeys: sim.nfrKeys,
      discountPercent: sim.discountPercent,
    });
    return sim;
  }

  async function buy(payload: Record<string, unknown>) {
    const res = await h.app.request(`/api/v1/partners/${partnerId}/purchases`, {
      method: "POST",
      headers: { cookie: main, "content-type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify(payload),
    });
    expect(res.status).toBe(201);
    const p = await body(res);
    // R5.2: the fact is the end-user price; the engine turns it into points.
    events.push({ on: today(), type: "purchase", priceRub: p.priceRub });
    return p;
  }

  const projectBody = (url: string, licenseKey: string, editionCode = "business") => ({
    url,
    title: `Сайт клиента ${url}`,
    editionCode,
    licenseKey,
    client: { name: "ООО «Клиент»", email: "it@client.test" },
    licenseOwner: { name: "ООО «Клиент»", inn: "7707083893" },
    publishOnSite: true,
  });
  const addProject = (payload: unknown) => call(h, main, "POST", `/partners/${partnerId}/projects`, payload);

  /** A project on a local site sending its key, checked, credited by the moderator (R5.4a). */
  async function creditedProject(host: string, editionCode = "business") {
    const key = `LIC-JOURNEY-${++keyNo}-0000`;
    const res = await addProject(projectBody(sites.serve(host, { license: { key } }), key, editionCode));
    expect(res.status).toBe(201);
    const p = await body(res);
    expect(p.evidence.find((f: { rule: string }) => f.rule === "A3").verdict).toBe("pass");
    const decided = await call(h, moderator, "POST", `/moderation/projects/${p.id}/decide`, {
      decision: "credit",
    });
    expect(decided.status).toBe(200);
    events.push({ on: today(), type: "project-credited", edition: editionCode });
    return p.id as string;
  }

  /** An employee signs up, is invited at `level`, accepts, and an admin records the certificates (R4C.1). */
  async function certifiedEmployee(
    email: string,
    level: "full" | "limited" | "certified",
    courses: string[],
  ) {
    await signUp(h.app, email, "employee-pass-1", email);
    const invited = await call(h, main, "POST", `/partners/${partnerId}/employees`, { email, level });
    expect(invited.status).toBe(201);
    const link = await body(invited);
    const own = await signIn(h.app, email, "employee-pass-1");
    expect((await call(h, own, "POST", `/invitations/${link.id}/accept`)).status).toBe(200);
    for (const courseCode of courses) {
      const res = await call(h, admin, "POST", "/admin/certificates", {
        email,
        courseCode,
        issuedOn: today(),
      });
      expect(res.status).toBe(201);
      events.push({ on: today(), type: "certificate", employee: email, course: courseCode });
    }
  }

  it("R1.2c, R2.1: an approved application makes a new Business partner", async () => {
    await signUp(h.app, "founder@journey.test", "founder-pass-1", "Основатель");
    main = await signIn(h.app, "founder@journey.test", "founder-pass-1");
    const applied = await call(h, main, "POST", "/applications", {
      companyType: "legal_entity",
      companyName: "ООО «Путь к золоту»",
      inn: "7736207543",
      contactName: "Иван Основатель",
      phone: "+7 843 000-00-00",
      email: "founder@journey.test",
      city: "Казань",
      activity: "Разработка сайтов на 1С-Битрикс",
      consentPersonalData: true,
    });
    expect(applied.status).toBe(201);
    const approved = await call(
      h,
      moderator,
      "POST",
      `/moderation/applications/${(await body(applied)).id}/approve`,
      {},
    );
    expect(approved.status).toBe(201);
    const out = await body(approved);
    expect(out.status).toBe("business");
    partnerId = out.partnerId;
    approvedOn = today();
    await expectAsSimulated("business");
  });

  it("R5.2: a purchase credits the end-user price's points at once; still Business without certificates", async () => {
    clock.set("2026-03-03");
    const p = await buy({ kind: "renewal", editionCode: "business" });
    expect(p.points).toBe(36);
    await expectAsSimulated("business");
  });

  it("R5.4f, R5.4h: a demo key, a missing header and a duplicate host are refused with evidence; a good site is credited", async () => {
    clock.set("2026-03-05");
    const demo = await addProject(
      projectBody(sites.serve("demo.journey.test", { license: "demo" }), "LIC-DEMO-0001"),
    );
    expect(demo.status).toBe(422);
    const demoProblem = await body(demo);
    expect(demoProblem.type).toBe("/problems/site-check-failed");
    expect(demoProblem.evidence.find((f: { rule: string }) => f.rule === "A3")).toMatchObject({
      verdict: "fail",
      evidence: [{ header: "X-Powered-CMS: Bitrix Site Manager (DEMO)" }],
    });
    const bare = await addProject(
      projectBody(sites.serve("bare.journey.test", { license: "none" }), "LIC-BARE-0001"),
    );
    expect(bare.status).toBe(422);
    expect((await body(bare)).evidence.find((f: { rule: string }) => f.rule === "A3")).toMatchObject({
      verdict: "fail",
      evidence: [{ header: "X-Powered-CMS: —" }],
    });

    await creditedProject("shop-1.journey.test");
    const dup = await addProject(
      projectBody(`http://www.SHOP-1.journey.test:${sites.port}/`, "LIC-DUP-0001"),
    );
    expect(dup.status).toBe(409);
    expect((await body(dup)).detail).toContain("shop-1.journey.test");
    // 36 + 73 = 109 ≥ 100, but no certified employees yet (R2.2).
    expect((await expectAsSimulated("business")).activePoints).toBe(109);
  });

  it("R2.2, R4C.1, R2.5: the certified administrator and developer make it Certified at once", async () => {
    clock.set("2026-03-10");
    await certifiedEmployee("admin1@journey.test", "full", ["admin-basic"]);
    await certifiedEmployee("dev1@journey.test", "certified", ["developer"]);
    const sim = await expectAsSimulated("certified");
    expect(sim.statusSince).toBe("2026-03-10");
  });

  it("R5.4, R5.2, R5.5: more projects, an upgrade purchase and a completed QM pass 500 points; Gold waits for its team", async () => {
    clock.set("2026-04-01");
    const first = (await body(await call(h, main, "GET", `/partners/${partnerId}/projects`))).items[0]
      .id as string;
    for (const n of [2, 3, 4, 5]) await creditedProject(`shop-${n}.journey.test`);
    await buy({ kind: "upgrade", editionCode: "small-business", targetEditionCode: "business" });

    const { tests, questions } = await body(await call(h, main, "GET", "/qm/questionnaire"));
    const submitted = await call(h, main, "POST", `/partners/${partnerId}/qm-submissions`, {
      projectId: first,
      tests: tests.map((t: { code: string }) => ({ code: t.code, passed: true })),
      clientContact: { name: "Пётр Клиентов", phone: "+7 900 111-22-33" },
    });
    expect(submitted.status).toBe(201);
    const done = await call(
      h,
      moderator,
      "POST",
      `/moderation/qm-submissions/${(await body(submitted)).id}/call`,
      {
        ratings: questions.map((q: { id: string; scaleMax: number }) => ({
          questionId: q.id,
          rating: q.scaleMax,
        })),
      },
    );
    expect(done.status).toBe(201);
    events.push({ on: today(), type: "qm-completed", edition: "business" });

    const sim = await expectAsSimulated("certified");
    expect(sim.activePoints).toBeGreaterThanOrEqual(500);
    expect(sim.qmParticipant).toBe(true);
  });

  it("R2.3, R2.5: the Gold team's certificates make it Gold at once, as the simulator predicts", async () => {
    clock.set("2026-04-06");
    await certifiedEmployee("admin2@journey.test", "full", ["admin-basic", "admin-business"]);
    await certifiedEmployee("dev2@journey.test", "limited", ["developer"]);
    const sim = await expectAsSimulated("gold");
    expect(sim).toMatchObject({ statusSince: "2026-04-06", statusUntil: "2027-04-06" });
    const changes = await h.db.select().from(s.statusChanges).where(eq(s.statusChanges.partnerId, partnerId));
    expect(changes.map((c) => [c.on, c.toStatus])).toEqual([
      ["2026-03-10", "certified"],
      ["2026-04-06", "gold"],
    ]);
  });
});
