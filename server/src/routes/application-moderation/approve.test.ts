import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { withCatalogue } from "../../program/status/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { sender, signedInAccount } from "../../test/http.ts";

// Tuesday 2026-11-10, 12:00 Moscow.
const NOW = "2026-11-10T09:00:00.000Z";

describe("application approval (R1.2c)", () => {
  let h: Harness;
  let mod: string;
  let applicant: string;
  let applicantId: string;
  let modId: string;
  const send = sender(() => h);
  const req = (path: string, cookie: string, json?: unknown) =>
    send(json === undefined ? "GET" : "POST", path, cookie, json);
  const approve = (id: string, cookie = mod, json: unknown = {}) =>
    req(`/api/v1/moderation/applications/${id}/approve`, cookie, json);
  const insert = async (inn: string, state: "submitted" | "needs_info" | "rejected" = "submitted") => {
    const [row] = await h.db
      .insert(s.applications)
      .values({
        userId: applicantId,
        companyName: `ООО Студия ${inn}`,
        inn,
        legalKind: "legal_entity",
        city: "Казань",
        contactName: "Иван Петров",
        contactPhone: "+7 (843) 567-89-01",
        contactEmail: `${inn}@example.ru`,
        website: `https://studio-${inn}.ru`,
        activity: "Разработка сайтов на 1С-Битрикс",
        personalDataConsent: true,
        state,
        submittedAt: new Date("2026-11-09T09:00:00Z"),
      })
      .returning();
    return row!.id;
  };

  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock(NOW) });
    await withCatalogue(h.db);
    ({ cookie: mod, userId: modId } = await signedInAccount(h, "mod@example.ru", {
      role: "moderator",
      password: "moderator-pass",
    }));
    ({ cookie: applicant, userId: applicantId } = await signedInAccount(h, "app@example.ru", {
      password: "applicant-pass",
    }));
  });
  afterAll(() => h.close());

  it("R1.2c: anonymous 401, the applicant 403, an unknown application 404", async () => {
    const id = await insert("7707083893");
    expect((await approve(id, "")).status).toBe(401);
    expect((await approve(id, applicant)).status).toBe(403);
    expect((await approve("no-such-id")).status).toBe(404);
    expect((await approve(id, mod, { note: 5 })).status).toBe(422);
  });

  it("R1.2c: approval creates a Business partner, a dated electronic contract, the applicant as main user, a card, the log entry and the e-mail", async () => {
    const id = await insert("7736207543");
    const res = await approve(id, mod, { note: "Документы в порядке" });
    expect(res.status).toBe(201);
    const out = await body(res);
    expect(out).toEqual({
      partnerId: expect.any(String),
      status: "business",
      contractNumber: expect.stringMatching(/^PT-20261110-[0-9A-F]{6}$/),
      contractDate: "2026-11-10",
      mainUserId: applicantId,
    });
    const [partner] = await h.db.select().from(s.partners).where(eq(s.partners.id, out.partnerId));
    expect(partner).toMatchObject({
      name: "ООО Студия 7736207543",
      legalKind: "legal_entity",
      city: "Казань",
      status: "business",
      statusSince: "2026-11-10",
      statusUntil: null,
      terminatedAt: null,
    });
    expect(partner!.approvedAt.toISOString()).toBe(NOW);
    expect(partner!.contractAt?.toISOString()).toBe(NOW);
    const terms = await h.db.select().from(s.statusTerms).where(eq(s.statusTerms.partnerId, out.partnerId));
    expect(terms).toMatchObject([
      { status: "business", startsOn: "2026-11-10", endsOn: null, outcome: "active" },
    ]);
    const contracts = await h.db.select().from(s.contracts).where(eq(s.contracts.partnerId, out.partnerId));
    expect(contracts).toMatchObject([
      { number: out.contractNumber, kind: "electronic", concludedOn: "2026-11-10", applicationId: id },
    ]);
    const links = await h.db
      .select()
      .from(s.employeeLinks)
      .where(eq(s.employeeLinks.partnerId, out.partnerId));
    expect(links).toMatchObject([
      { userId: applicantId, level: "main", invitation: "accepted", marketplace: true, leads: true },
    ]);
    const [app] = await h.db.select().from(s.applications).where(eq(s.applications.id, id));
    expect(app).toMatchObject({
      state: "approved",
      partnerId: out.partnerId,
      moderatorNote: "Документы в порядке",
    });
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, id));
    expect(log).toMatchObject([
      { action: "application.approve", actorUserId: modId, targetType: "application" },
    ]);
    expect(log[0]!.reason).toContain(out.contractNumber);
    const [mail] = await h.db
      .select()
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.to, "7736207543@example.ru"));
    expect(mail!.subject).toBe("Заявка одобрена / Application approved: ООО Студия 7736207543");
    expect(mail!.text).toContain(`№ ${out.contractNumber} от 2026-11-10`);
    expect(mail!.text).toContain("«Бизнес-партнёр»");
    expect(mail!.text.indexOf("Здравствуйте")).toBeLessThan(mail!.text.indexOf("Hello"));
    expect(mail!.text).toContain("The current status is Business partner");
    // The main user now reaches the partner's card (R4E.2); the card starts from the application.
    const card = await body(await req(`/api/v1/partners/${out.partnerId}/card`, applicant));
    expect(card.approved).toMatchObject({
      name: "ООО Студия 7736207543",
      website: "https://studio-7736207543.ru",
      phones: ["+78435678901"],
      emails: ["7736207543@example.ru"],
      publishable: false,
    });
    // R2.1: the public status is Business from today.
    const status = await body(await req(`/api/v1/public/partners/${out.partnerId}`, ""));
    expect(JSON.stringify(status)).toContain('"business"');
  });

  it("R1.2c: approving twice is a 409; nothing is created twice", async () => {
    const id = await insert("7709860400");
    expect((await approve(id)).status).toBe(201);
    const again = await approve(id);
    expect(again.status).toBe(409);
    expect((await body(again)).detail).toMatch(/уже одобрена.*already approved/);
    const partners = await h.db.select().from(s.partners).where(eq(s.partners.name, "ООО Студия 7709860400"));
    expect(partners).toHaveLength(1);
  });

  it("R1.2c: two moderators approving at once — one partner, one 409", async () => {
    const id = await insert("500100732259");
    const statuses = (await Promise.all([approve(id), approve(id)])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const partners = await h.db
      .select()
      .from(s.partners)
      .where(eq(s.partners.name, "ООО Студия 500100732259"));
    expect(partners).toHaveLength(1);
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, id));
    expect(log).toHaveLength(1);
  });

  it("R1.2b/R1.2c: a rejected or info-requested application cannot be approved (409, clear detail)", async () => {
    const rejected = await insert("7702070139", "rejected");
    const r1 = await approve(rejected);
    expect(r1.status).toBe(409);
    expect((await body(r1)).detail).toMatch(/отклонена.*was rejected/);
    const asked = await insert("7704211201", "needs_info");
    const r2 = await approve(asked);
    expect(r2.status).toBe(409);
    expect((await body(r2)).detail).toMatch(/ответа заявителя.*applicant's answer/);
    const [row] = await h.db.select().from(s.applications).where(eq(s.applications.id, asked));
    expect(row).toMatchObject({ state: "needs_info", partnerId: null });
  });
});
