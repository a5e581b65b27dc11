import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import { leads, moderationLog, phoneDayBookings } from "../../db/schema/index.ts";
import { account, call, link, makePartner } from "../../program/leads/test-support.ts";
import { withCatalogue } from "../../program/status/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";

describe("R7.3 order a site by phone", () => {
  let h: Harness;
  let req: ReturnType<typeof call>;
  let mod: string;
  let admin: string;
  let staff: { cookie: string; userId: string };
  const p: Record<string, string> = {};
  const ids: string[] = [];
  const at = (iso: string) => {
    h.clock.now = () => new Date(iso);
  };

  beforeAll(async () => {
    // Tuesday 24 Nov 2026, 12:00 MSK.
    h = await createHarness({ clock: fixedClock("2026-11-24T09:00:00Z") });
    await withCatalogue(h.db);
    req = call(h);
    mod = (await account(h, "mod@vendor.example", "moderator")).cookie;
    admin = (await account(h, "admin@vendor.example", "admin")).cookie;
    staff = await account(h, "office@partners.example");
    p.a = await makePartner(h.db, {
      name: "Альфа",
      status: "business",
      city: "Москва",
      leadsEmail: "leads@alfa.example",
    });
    p.b = await makePartner(h.db, { name: "Бета", status: "gold", city: "Москва" });
    for (const id of Object.values(p)) await link(h.db, staff.userId, id, "limited", true);
    for (let i = 0; i < 5; i++) {
      const id = await makePartner(h.db, { name: `Партнёр ${i}`, status: "business", city: "Тула" });
      await link(h.db, staff.userId, id, "limited");
      ids.push(id);
    }
  });
  afterAll(() => h.close());

  it("R7.3: only future working days — weekends, holidays and today are 422 naming the day", async () => {
    for (const day of ["2026-11-28", "2026-12-31", "2026-11-24", "2026-11-20"]) {
      const res = await req("POST", `/partners/${p.a}/phone-days`, staff.cookie, { day });
      expect(res.status, day).toBe(422);
      expect((await body(res)).errors[0].path).toBe("day");
    }
    const outsider = await account(h, "outsider@example.ru");
    expect(
      (await req("POST", `/partners/${p.a}/phone-days`, outsider.cookie, { day: "2026-12-29" })).status,
    ).toBe(403);
  });

  it("R7.3: one partner a day by default; the report is due 5 working days later, holidays skipped", async () => {
    const res = await req("POST", `/partners/${p.a}/phone-days`, staff.cookie, { day: "2026-12-29" });
    expect(res.status).toBe(201);
    // 30 Dec, then 31 Dec – 10 Jan are off, then 11–14 Jan.
    expect(await body(res)).toMatchObject({
      day: "2026-12-29",
      state: "confirmed",
      reportDueOn: "2027-01-14",
    });
    const full = await req("POST", `/partners/${p.b}/phone-days`, staff.cookie, { day: "2026-12-29" });
    expect(full.status).toBe(409);
    expect((await body(full)).detail).toContain("fully booked");
    expect(
      (await req("POST", `/partners/${p.a}/phone-days`, staff.cookie, { day: "2026-12-29" })).status,
    ).toBe(409);
  });

  it("R7.3: capacity is data — racing partners get exactly the day's places", async () => {
    expect((await req("PUT", "/admin/phone-days/2026-12-02/capacity", mod, { capacity: 2 })).status).toBe(
      403,
    );
    expect((await req("PUT", "/admin/phone-days/2026-12-02/capacity", admin, { capacity: 2 })).status).toBe(
      200,
    );
    for (const [day, places] of [
      ["2026-12-01", 1],
      ["2026-12-02", 2],
    ] as const) {
      const all = await Promise.all(
        ids.map((id) => req("POST", `/partners/${id}/phone-days`, staff.cookie, { day })),
      );
      expect(
        all.filter((r) => r.status === 201),
        day,
      ).toHaveLength(places);
      expect(
        all.filter((r) => r.status === 409),
        day,
      ).toHaveLength(5 - places);
    }
    const free = await req(
      "GET",
      "/phone-days/availability?from=2026-11-28&to=2026-12-04",
      staff.cookie,
    ).then(body);
    expect(free.items).toEqual([
      { day: "2026-11-30", capacity: 1, booked: 0, free: 1 },
      { day: "2026-12-01", capacity: 1, booked: 1, free: 0 },
      { day: "2026-12-02", capacity: 2, booked: 2, free: 0 },
      { day: "2026-12-03", capacity: 1, booked: 0, free: 1 },
      { day: "2026-12-04", capacity: 1, booked: 0, free: 1 },
    ]);
    expect(
      (await req("GET", "/phone-days/availability?from=2026-12-04&to=2026-12-01", staff.cookie)).status,
    ).toBe(422);
    const [log] = await h.db
      .select()
      .from(moderationLog)
      .where(eq(moderationLog.action, "phone_day.capacity"));
    expect(log?.targetId).toBe("2026-12-02");
  });

  it("R7.3: the day's calls become leads assigned to that partner only", async () => {
    const [booking] = await h.db.select().from(phoneDayBookings).where(eq(phoneDayBookings.partnerId, p.a!));
    const lead = {
      description: "Звонок: нужен сайт для стоматологии",
      contactName: "Пётр",
      contactEmail: "petr@client.example",
      contactPhone: "+7 495 123-45-67",
      city: "Мск",
    };
    expect((await req("POST", `/moderation/phone-days/${booking!.id}/leads`, mod, lead)).status).toBe(409);
    at("2026-12-29T12:00:00Z");
    expect(
      (await req("POST", `/moderation/phone-days/${booking!.id}/leads`, staff.cookie, lead)).status,
    ).toBe(403);
    const res = await req("POST", `/moderation/phone-days/${booking!.id}/leads`, mod, lead);
    expect(res.status).toBe(201);
    const recorded = await body(res);
    expect(recorded).toMatchObject({ partnerId: p.a, city: "Москва", state: "published" });
    const [row] = await h.db.select().from(leads).where(eq(leads.id, recorded.id));
    expect(row).toMatchObject({ assignedPartnerId: p.a, phoneDayBookingId: booking!.id, maxProposals: 1 });
    const seenByA = (await req("GET", `/partners/${p.a}/leads`, staff.cookie).then(body)).items;
    expect(seenByA).toMatchObject([{ id: recorded.id, access: "assigned" }]);
    // Gold sees every open lead, but not one assigned to another partner.
    expect((await req("GET", `/partners/${p.b}/leads`, staff.cookie).then(body)).items).toEqual([]);
    expect(
      (
        await req("POST", `/partners/${p.b}/leads/${recorded.id}/proposals`, staff.cookie, {
          text: "Сделаем на Битриксе",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await req("POST", `/partners/${p.a}/leads/${recorded.id}/proposals`, staff.cookie, {
          text: "Сделаем на Битриксе",
        })
      ).status,
    ).toBe(201);
    const [log] = await h.db.select().from(moderationLog).where(eq(moderationLog.targetId, recorded.id));
    expect(log?.action).toBe("phone_day.lead");
  });

  it("R7.3: a report not filed within 5 working days is flagged overdue; filing it late clears the flag", async () => {
    const mine = async () =>
      (await req("GET", `/partners/${p.a}/phone-days`, staff.cookie).then(body)).items[0];
    at("2027-01-14T12:00:00Z");
    expect((await mine()).overdue).toBe(false);
    at("2027-01-15T12:00:00Z");
    expect(await mine()).toMatchObject({ overdue: true, leads: 1, reportDueOn: "2027-01-14" });
    const overdue = (await req("GET", "/moderation/phone-days?overdue=true", mod).then(body)).items;
    expect(
      overdue.map((b: { partnerName: string; day: string }) => `${b.partnerName} ${b.day}`).sort(),
    ).toEqual(expect.arrayContaining(["Альфа 2026-12-29"]));
    expect(overdue).toHaveLength(4); // also the three December bookings of the racing partners
    const filed = await req("POST", `/partners/${p.a}/phone-days/${(await mine()).id}/report`, staff.cookie, {
      report: "Принято 1 обращение, внесено в CRM, клиенту отправлено предложение",
    });
    expect(await body(filed)).toMatchObject({ state: "done", late: true });
    expect((await mine()).overdue).toBe(false);
    expect((await req("GET", "/moderation/phone-days?overdue=true", mod).then(body)).items).toHaveLength(3);
    expect(
      (
        await req("POST", `/partners/${p.a}/phone-days/${(await mine()).id}/report`, staff.cookie, {
          report: "Ещё раз тот же отчёт",
        })
      ).status,
    ).toBe(409);
  });
});
