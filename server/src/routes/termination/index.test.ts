import { and, eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moscowMidnight } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { runDailyRecompute } from "../../program/status/daily.ts";
import { dayClock, withCatalogue } from "../../program/status/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { sender, signedInAccount } from "../../test/http.ts";

// Tuesday 2026-11-24, 10:00 Moscow; one month's notice ends on 2026-12-24.
const clock = dayClock("2026-11-24");

describe("termination (R1.5a–c)", () => {
  let h: Harness;
  let mod: string;
  let main: string;
  let full: string;
  let mainId: string;
  let fullId: string;
  let inn = 7707083800;
  const send = sender(() => h);
  const terminate = (partnerId: string, cookie: string, json: unknown) =>
    send("POST", `/api/v1/partners/${partnerId}/termination`, cookie, json);
  const partnerRow = async (id: string) =>
    (await h.db.select().from(s.partners).where(eq(s.partners.id, id)))[0]!;
  const signedStatus = async (id: string) => {
    const { token } = await body(await send("GET", `/api/v1/public/partners/${id}/status`, ""));
    return (decodeJwt(token) as { partner: { status: string } }).partner.status;
  };
  /** A partner approved through the API, its main user `main`, `full` a full-rights employee. */
  async function newPartner(): Promise<string> {
    const [app] = await h.db
      .insert(s.applications)
      .values({
        userId: mainId,
        companyName: `ООО Веб ${++inn}`,
        inn: String(inn),
        legalKind: "legal_entity",
        city: "Пермь",
        contactName: "Анна",
        contactPhone: "+7 (342) 000-00-00",
        contactEmail: `${inn}@example.ru`,
        activity: "Сайты на 1С-Битрикс",
        personalDataConsent: true,
        submittedAt: clock.now(),
      })
      .returning();
    const res = await send("POST", `/api/v1/moderation/applications/${app!.id}/approve`, mod, {});
    expect(res.status).toBe(201);
    const { partnerId } = await body(res);
    await h.db.insert(s.employeeLinks).values({
      partnerId,
      userId: fullId,
      level: "full",
      invitation: "accepted",
      invitedAt: clock.now(),
      respondedAt: clock.now(),
    });
    return partnerId;
  }

  beforeAll(async () => {
    h = await createHarness({ clock });
    await withCatalogue(h.db);
    mod = (await signedInAccount(h, "mod@example.ru", { role: "moderator" })).cookie;
    ({ cookie: main, userId: mainId } = await signedInAccount(h, "main@example.ru"));
    ({ cookie: full, userId: fullId } = await signedInAccount(h, "full@example.ru"));
  });
  afterAll(() => h.close());

  it("R1.5b: the partner's notice is at least one month — an earlier date is a 422 on `on` naming the earliest date", async () => {
    const id = await newPartner();
    const early = await terminate(id, main, { by: "partner", on: "2026-12-23" });
    expect(early.status).toBe(422);
    const problem = await body(early);
    expect(problem.errors).toEqual([{ path: "on", message: expect.stringContaining("2026-12-24") }]);
    expect(problem.detail).toMatch(/самая ранняя дата — 2026-12-24.*the earliest date is 2026-12-24/);
    expect((await terminate(id, main, { by: "partner", on: "24.12.2026" })).status).toBe(422);
    expect((await terminate(id, main, { by: "someone", on: "2026-12-24" })).status).toBe(422);

    const res = await terminate(id, main, { by: "partner", on: "2026-12-24", reason: "Меняем профиль" });
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({
      partnerId: id,
      by: "partner",
      on: "2026-12-24",
      noticeOn: "2026-11-24",
      state: "scheduled",
    });
    const p = await partnerRow(id);
    expect(p.terminatedAt?.getTime()).toBe(moscowMidnight("2026-12-24").getTime());
    expect(p.status).toBe("business"); // still a partner during the notice
    expect(await signedStatus(id)).toBe("business");
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, id));
    expect(log).toMatchObject([{ action: "partner.termination", actorUserId: mainId }]);
    const [mail] = await h.db
      .select()
      .from(s.emailOutbox)
      .where(
        and(
          eq(s.emailOutbox.to, "main@example.ru"),
          eq(s.emailOutbox.subject, `Прекращение партнёрства / Partnership termination: ООО Веб ${inn}`),
        ),
      );
    expect(mail!.text.indexOf("по инициативе партнёра с 2026-12-24")).toBeGreaterThan(-1);
    expect(mail!.text.indexOf("Здравствуйте")).toBeLessThan(
      mail!.text.indexOf("on the partner's initiative on 2026-12-24"),
    );
    // GET: the main and full users (cabinet) and staff see it.
    for (const who of [main, full, mod]) {
      const got = await send("GET", `/api/v1/partners/${id}/termination`, who);
      expect(got.status).toBe(200);
      expect(await body(got)).toMatchObject({
        on: "2026-12-24",
        state: "scheduled",
        history: [{ on: "2026-12-24" }],
      });
    }
    // One termination at a time.
    const again = await terminate(id, mod, { by: "agreement", on: "2026-12-01" });
    expect(again.status).toBe(409);
    expect((await body(again)).detail).toContain("2026-12-24");
  });

  it("R1.5a: who may terminate — the main user gives notice; vendor and agreement are staff's; others 403", async () => {
    const id = await newPartner();
    expect((await terminate(id, "", { by: "partner", on: "2027-01-10" })).status).toBe(401);
    expect((await terminate(id, full, { by: "partner", on: "2027-01-10" })).status).toBe(403);
    expect((await terminate(id, mod, { by: "partner", on: "2027-01-10" })).status).toBe(403);
    expect((await terminate(id, main, { by: "vendor", on: "2027-01-10", reason: "x" })).status).toBe(403);
    expect((await terminate(id, main, { by: "agreement", on: "2027-01-10" })).status).toBe(403);
    expect((await send("GET", `/api/v1/partners/${id}/termination`, main)).status).toBe(404);
    expect((await terminate("no-such-partner", mod, { by: "agreement", on: "2027-01-10" })).status).toBe(404);
    expect(await partnerRow(id)).toMatchObject({ terminatedAt: null, status: "business" });
  });

  it("R1.5a: two terminations at once — one is scheduled, the other is a 409", async () => {
    const id = await newPartner();
    const results = await Promise.all([
      terminate(id, main, { by: "partner", on: "2027-01-15" }),
      terminate(id, mod, { by: "agreement", on: "2027-01-20" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await h.db.select().from(s.terminations).where(eq(s.terminations.partnerId, id));
    expect(rows).toHaveLength(1);
    const p = await partnerRow(id);
    expect(p.terminatedAt?.getTime()).toBe(moscowMidnight(rows[0]!.on).getTime());
  });

  it("R1.5: staff cancel a scheduled termination before its date (logged, mailed); the main user may not", async () => {
    const id = await newPartner();
    expect((await terminate(id, mod, { by: "agreement", on: "2027-02-01" })).status).toBe(201);
    const cancel = (cookie: string, json: unknown) =>
      send("POST", `/api/v1/partners/${id}/termination/cancel`, cookie, json);
    expect((await cancel(main, { reason: "передумали" })).status).toBe(403);
    expect((await cancel(mod, { reason: "" })).status).toBe(422);
    const res = await cancel(mod, { reason: "Стороны договорились продолжить" });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({
      state: "cancelled",
      cancelReason: "Стороны договорились продолжить",
    });
    expect(await partnerRow(id)).toMatchObject({
      terminatedAt: null,
      terminationNoticeAt: null,
      status: "business",
    });
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, id));
    expect(log.map((l) => l.action)).toEqual(["partner.termination", "partner.termination_cancel"]);
    const rows = await h.db.select().from(s.terminations).where(eq(s.terminations.partnerId, id));
    expect(rows).toMatchObject([{ state: "cancelled", on: "2027-02-01" }]); // kept, never deleted
    expect((await send("GET", `/api/v1/partners/${id}/termination`, mod)).status).toBe(404);
    expect((await cancel(mod, { reason: "ещё раз" })).status).toBe(404);
    // A new termination may be scheduled after a cancellation.
    expect((await terminate(id, main, { by: "partner", on: "2027-03-01" })).status).toBe(201);
  });

  it("R1.5c: a vendor termination needs a reason and a date from today; dated today it takes effect at once", async () => {
    const id = await newPartner();
    const [license] = await h.db
      .insert(s.nfrLicenses)
      .values({
        partnerId: id,
        licenseKey: `NFR-REQ-${id.slice(0, 8)}`,
        kind: "request",
        editionCode: "business",
        siteHost: "veb.ru",
        state: "active",
        issuedAt: clock.now(),
      })
      .returning();
    const noReason = await terminate(id, mod, { by: "vendor", on: "2026-11-24" });
    expect(noReason.status).toBe(422);
    expect((await body(noReason)).errors[0].path).toBe("reason");
    const past = await terminate(id, mod, { by: "vendor", on: "2026-11-23", reason: "Нарушение R1.6b" });
    expect(past.status).toBe(422);
    expect((await body(past)).errors[0].path).toBe("on");
    expect(await signedStatus(id)).toBe("business");

    const res = await terminate(id, mod, { by: "vendor", on: "2026-11-24", reason: "Нарушение R1.6b" });
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({ by: "vendor", on: "2026-11-24", state: "ended" });
    expect(await partnerRow(id)).toMatchObject({ status: "none", statusSince: "2026-11-24" });
    const changes = await h.db.select().from(s.statusChanges).where(eq(s.statusChanges.partnerId, id));
    expect(changes).toMatchObject([
      { fromStatus: "business", toStatus: "none", reason: "terminated", on: "2026-11-24" },
    ]);
    const [nfr] = await h.db.select().from(s.nfrLicenses).where(eq(s.nfrLicenses.id, license!.id));
    expect(nfr).toMatchObject({ state: "revoked", revokeReason: "partnership terminated (R1.5c)" });
    expect(await signedStatus(id)).toBe("none");
    const standing = await body(await send("GET", `/api/v1/partners/${id}/standing`, mod));
    expect(standing).toMatchObject({ status: "none", discountPercent: 0, nfrKeys: 0 });
    const page = await (await send("GET", `/partners/${id}`, "")).text();
    expect(page).toContain("Не является партнёром");
    // Ended: neither cancelled nor terminated again.
    const cancel = await send("POST", `/api/v1/partners/${id}/termination/cancel`, mod, { reason: "поздно" });
    expect(cancel.status).toBe(409);
    expect((await terminate(id, mod, { by: "agreement", on: "2026-12-01" })).status).toBe(409);
  });

  // Last: it moves the clock.
  it("R1.5c: on the date the daily recompute ends the partnership — status none, every NFR key revoked, badge says not a partner", async () => {
    const id = await newPartner();
    await h.db.insert(s.nfrLicenses).values([
      {
        partnerId: id,
        licenseKey: `NFR-ST-${id.slice(0, 8)}`,
        kind: "status",
        editionCode: "business",
        state: "active",
        issuedOn: "2026-11-24",
      },
      {
        partnerId: id,
        licenseKey: `NFR-B24-${id.slice(0, 8)}`,
        kind: "bitrix24",
        editionCode: "b24",
        state: "active",
      },
    ]);
    expect(
      (await terminate(id, mod, { by: "agreement", on: "2026-12-01", reason: "По соглашению" })).status,
    ).toBe(201);
    clock.set("2026-11-30");
    await runDailyRecompute(h.db, "2026-11-30", { clock, holder: "test" });
    expect((await partnerRow(id)).status).toBe("business");
    expect(await signedStatus(id)).toBe("business");

    clock.set("2026-12-01");
    await runDailyRecompute(h.db, "2026-12-01", { clock, holder: "test" });
    expect(await partnerRow(id)).toMatchObject({ status: "none", statusSince: "2026-12-01" });
    const keys = await h.db.select().from(s.nfrLicenses).where(eq(s.nfrLicenses.partnerId, id));
    expect(keys.map((k) => k.state)).toEqual(["revoked", "revoked"]);
    expect(await signedStatus(id)).toBe("none");
    const got = await body(await send("GET", `/api/v1/partners/${id}/termination`, mod));
    expect(got).toMatchObject({ by: "agreement", on: "2026-12-01", state: "ended" });
    const terms = await h.db.select().from(s.statusTerms).where(eq(s.statusTerms.partnerId, id));
    expect(terms).toMatchObject([{ status: "business", outcome: "terminated", endsOn: "2026-12-01" }]);
  });
});
