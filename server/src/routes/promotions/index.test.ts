import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import { emailOutbox, moderationLog, partners, promotions } from "../../db/schema/index.ts";
import { account, call, link, makePartner } from "../../program/leads/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";

const offer = (over: Record<string, unknown> = {}) => ({
  title: "Скидка 10% на внедрение интернет-магазина",
  body: "Внедрим 1С-Битрикс: Управление сайтом, редакция Бизнес, со скидкой 10% на работы",
  startsOn: "2026-11-01",
  endsOn: "2026-12-31",
  ...over,
});

describe("R7.2 promotions", () => {
  let h: Harness;
  let req: ReturnType<typeof call>;
  let mod: string;
  let staff: { cookie: string; userId: string };
  const p: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock("2026-11-24T09:00:00Z") });
    req = call(h);
    mod = (await account(h, "mod@vendor.example", "moderator")).cookie;
    staff = await account(h, "marketing@partners.example");
    p.gold = await makePartner(h.db, { name: "Голд", status: "gold", city: "Москва" });
    p.cert = await makePartner(h.db, { name: "Серт", status: "certified", city: "Казань" });
    p.biz = await makePartner(h.db, { name: "Бизнес", status: "business", city: "Москва" });
    for (const id of Object.values(p)) await link(h.db, staff.userId, id, "limited");
  });
  afterAll(() => h.close());

  it("R7.2: Business partners may not submit; bad dates are 422 naming the field", async () => {
    expect((await req("POST", `/partners/${p.biz}/promotions`, staff.cookie, offer())).status).toBe(403);
    const bad = await req(
      "POST",
      `/partners/${p.gold}/promotions`,
      staff.cookie,
      offer({ endsOn: "2026-10-01" }),
    );
    expect(bad.status).toBe(422);
    expect((await body(bad)).errors[0].path).toBe("endsOn");
    expect(
      (await req("POST", `/partners/${p.gold}/promotions`, staff.cookie, offer({ startsOn: "1 Nov" })))
        .status,
    ).toBe(422);
  });

  it("R7.2: submitted, moderated (logged, mailed), public for its period — at most six months — newest added first", async () => {
    const first = await body(await req("POST", `/partners/${p.gold}/promotions`, staff.cookie, offer()));
    expect(first).toMatchObject({ state: "pending", shownUntil: "2026-12-31" });
    h.clock.now = () => new Date("2026-11-24T10:00:00Z");
    const long = await body(
      await req(
        "POST",
        `/partners/${p.cert}/promotions`,
        staff.cookie,
        offer({ title: "Аудит сайта бесплатно", endsOn: "2027-12-31" }),
      ),
    );
    expect(long.shownUntil).toBe("2027-04-30");
    h.clock.now = () => new Date("2026-11-24T11:00:00Z");
    const rejected = await body(
      await req(
        "POST",
        `/partners/${p.cert}/promotions`,
        staff.cookie,
        offer({ title: "Сайт на конструкторе" }),
      ),
    );
    // Pending promotions are not public.
    expect((await req("GET", "/public/promotions").then(body)).items).toEqual([]);
    const queue = (await req("GET", "/moderation/promotions", mod).then(body)).items.map(
      (x: { id: string }) => x.id,
    );
    expect(queue).toEqual([first.id, long.id, rejected.id]);
    expect(
      (await req("POST", `/moderation/promotions/${first.id}/decide`, staff.cookie, { approve: true }))
        .status,
    ).toBe(403);
    for (const id of [first.id, long.id])
      expect((await req("POST", `/moderation/promotions/${id}/decide`, mod, { approve: true })).status).toBe(
        200,
      );
    expect(
      (await req("POST", `/moderation/promotions/${rejected.id}/decide`, mod, { approve: false })).status,
    ).toBe(422);
    expect(
      (
        await req("POST", `/moderation/promotions/${rejected.id}/decide`, mod, {
          approve: false,
          reason: "Не о продуктах вендора",
        })
      ).status,
    ).toBe(200);
    expect(
      (await req("POST", `/moderation/promotions/${first.id}/decide`, mod, { approve: false, reason: "x" }))
        .status,
    ).toBe(409);
    const log = await h.db.select().from(moderationLog).where(eq(moderationLog.targetType, "promotion"));
    expect(log.map((l) => l.action).sort()).toEqual([
      "promotion.approve",
      "promotion.approve",
      "promotion.reject",
    ]);
    expect(
      (await h.db.select().from(emailOutbox).where(eq(emailOutbox.to, "marketing@partners.example"))).length,
    ).toBe(3);

    const shown = (await req("GET", "/public/promotions").then(body)).items;
    expect(shown.map((x: { id: string }) => x.id)).toEqual([long.id, first.id]);
    expect(shown[0]).toMatchObject({ partnerName: "Серт", partnerStatus: "certified" });

    // Past its own end the first is gone; past six months the long one too.
    h.clock.now = () => new Date("2027-01-05T09:00:00Z");
    expect(
      (await req("GET", "/public/promotions").then(body)).items.map((x: { id: string }) => x.id),
    ).toEqual([long.id]);
    h.clock.now = () => new Date("2027-05-01T09:00:00Z");
    expect((await req("GET", "/public/promotions").then(body)).items).toEqual([]);
  });

  it("R7.2: a partner that drops to Business stops showing its promotions", async () => {
    h.clock.now = () => new Date("2026-11-25T09:00:00Z");
    expect((await req("GET", "/public/promotions").then(body)).items).toHaveLength(2);
    await h.db.update(partners).set({ status: "business" }).where(eq(partners.id, p.cert!));
    const items = (await req("GET", "/public/promotions").then(body)).items;
    expect(items.map((x: { partnerId: string }) => x.partnerId)).toEqual([p.gold]);
    const own = (await req("GET", `/partners/${p.cert}/promotions`, staff.cookie).then(body)).items;
    expect(own).toHaveLength(2);
    expect(await h.db.select().from(promotions)).toHaveLength(3);
  });
});
