import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { decideApp } from "../../program/mobile-apps/decide.ts";
import { normaliseStoreUrl } from "../../program/mobile-apps/store-url.ts";
import {
  markTerminated,
  partnerWithUsers,
  staffUser,
  type TestPartner,
  withPriceList,
} from "../../program/purchases/test-support.ts";
import { dayClock } from "../../program/status/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { jsonInit } from "../../test/http.ts";

const clock = dayClock("2026-10-28");

describe("R5.2: store pages are one identity per app", () => {
  it("R5.2: the same app's page copied with a country, slug, query or fragment is one URL", () => {
    expect(normaliseStoreUrl("https://apps.apple.com/ru/app/chai-shop/id123456789?l=en")).toBe(
      "https://apps.apple.com/app/id123456789",
    );
    expect(normaliseStoreUrl("https://APPS.apple.com/us/app/id123456789")).toBe(
      "https://apps.apple.com/app/id123456789",
    );
    expect(normaliseStoreUrl("https://play.google.com/store/apps/details?hl=ru&id=ru.chai.app#x")).toBe(
      "https://play.google.com/store/apps/details?id=ru.chai.app",
    );
    expect(normaliseStoreUrl("https://apps.rustore.ru/app/ru.chai.app/")).toBe(
      "https://apps.rustore.ru/app/ru.chai.app",
    );
    expect(normaliseStoreUrl("https://appgallery.huawei.com/#/app/c101234567")).toBe(
      "https://appgallery.huawei.com/app/C101234567",
    );
  });

  it("R5.2: other hosts, plain http and pages that are not an app are refused naming storeUrl", () => {
    for (const bad of [
      "https://example.com/app/id1",
      "http://apps.apple.com/app/id1",
      "https://apps.apple.com/ru/charts",
      "https://play.google.com/store/search?q=chai",
      "не ссылка",
    ])
      expect(() => normaliseStoreUrl(bad), bad).toThrow(
        expect.objectContaining({ errors: [expect.objectContaining({ path: "storeUrl" })] }),
      );
  });
});

describe("published mobile apps (R5.2)", () => {
  let h: Harness;
  let p: TestPartner;
  let other: TestPartner;
  let mod: { cookie: string; id: string };
  beforeAll(async () => {
    h = await createHarness({ clock });
    await withPriceList(h, clock);
    p = await partnerWithUsers(h, { approvedOn: "2026-03-02", name: "ООО Мобайл" });
    other = await partnerWithUsers(h, { approvedOn: "2026-03-02", name: "ООО Другой" });
    mod = await staffUser(h, "moderator");
  });
  afterAll(() => h.close());

  const post = (path: string, cookie: string, payload: unknown) =>
    h.app.request(`/api/v1${path}`, jsonInit("POST", cookie, payload));
  let n = 0;
  const add = (cookie: string, payload: Record<string, unknown> = {}, partner = p) =>
    post(`/partners/${partner.id}/mobile-apps`, cookie, {
      title: "Чайная лавка",
      storeUrl: `https://apps.apple.com/ru/app/chai/id${100000 + ++n}`,
      editionId: "business",
      clientName: "ООО «Чай»",
      ...payload,
    });
  const queue = async () =>
    (await body(await h.app.request("/api/v1/moderation/mobile-apps", { headers: { cookie: mod.cookie } })))
      .items as { id: string; expectedPoints: number; ageDays: number; partnerName: string }[];
  const accruals = (appId: string) =>
    h.db.select().from(s.pointAccruals).where(eq(s.pointAccruals.sourceId, appId));

  it("R5.2, R4E.4: section users (limited too) add an app as pending; certified-only users 403; bad input 422", async () => {
    const res = await add(p.limited, { storeUrl: "https://apps.apple.com/ru/app/chai/id555?l=ru" });
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({
      state: "pending",
      storeUrl: "https://apps.apple.com/app/id555",
      editionId: "business",
      points: null,
      expectedPoints: 73,
    });
    expect((await add(p.certified)).status).toBe(403);
    expect((await add(other.main)).status).toBe(403);
    expect((await add("")).status).toBe(401);
    const host = await add(p.main, { storeUrl: "https://example.com/app/id7" });
    expect(host.status).toBe(422);
    expect((await body(host)).errors[0].path).toBe("storeUrl");
    const edition = await add(p.main, { editionId: "no-such" });
    expect(edition.status).toBe(422);
    expect((await body(edition)).errors[0].path).toBe("editionId");
  });

  it("R5.2: a store page already listed (any partner, written differently) is a 409 naming storeUrl", async () => {
    const again = await add(
      other.main,
      { storeUrl: "https://apps.apple.com/us/app/other-name/id555" },
      other,
    );
    expect(again.status).toBe(409);
    expect((await body(again)).errors[0].path).toBe("storeUrl");
  });

  it("R5.2: the queue lists pending apps oldest first with the points the edition's price gives; partners 403", async () => {
    clock.set("2026-11-02");
    await add(p.main, { editionId: "start" });
    const items = await queue();
    expect(items.map((i) => i.expectedPoints)).toEqual([73, 6]);
    expect(items[0]).toMatchObject({ partnerName: "ООО Мобайл", ageDays: 5 });
    const partnerView = await h.app.request("/api/v1/moderation/mobile-apps", {
      headers: { cookie: p.main },
    });
    expect(partnerView.status).toBe(403);
    expect(
      (await post(`/moderation/mobile-apps/${items[0]!.id}/decide`, p.main, { credit: true })).status,
    ).toBe(403);
  });

  it("R5.2: credited — round-half-up(72 900 / 1000) = 73 points as a mobile_app accrual, logged and mailed, decided once", async () => {
    const [item] = await queue();
    const res = await post(`/moderation/mobile-apps/${item!.id}/decide`, mod.cookie, { credit: true });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ state: "credited", points: 73 });
    expect(await accruals(item!.id)).toMatchObject([
      { partnerId: p.id, points: 73, day: "2026-11-02", sourceType: "mobile_app" },
    ]);
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, item!.id));
    expect(log).toMatchObject([{ action: "mobile_app.credit", actorUserId: mod.id }]);
    const [mail] = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, p.mainEmail));
    expect(mail!.subject).toBe("Мобильное приложение засчитано / Mobile app credited: Чайная лавка");
    expect(mail!.text).toMatch(/начислено баллов: 73[\s\S]*73 points/);
    const again = await post(`/moderation/mobile-apps/${item!.id}/decide`, mod.cookie, { credit: true });
    expect(again.status).toBe(409);
    expect(await accruals(item!.id)).toHaveLength(1);
  });

  it("R5.2: a refusal needs a note (422 naming note), credits nothing, stays listed with the note", async () => {
    const [item] = await queue();
    const noNote = await post(`/moderation/mobile-apps/${item!.id}/decide`, mod.cookie, { credit: false });
    expect(noNote.status).toBe(422);
    expect((await body(noNote)).errors[0].path).toBe("note");
    const res = await post(`/moderation/mobile-apps/${item!.id}/decide`, mod.cookie, {
      credit: false,
      note: "Приложение не найдено в магазине",
    });
    expect(await body(res)).toMatchObject({ state: "rejected", points: null });
    expect(await accruals(item!.id)).toHaveLength(0);
    const mine = await body(
      await h.app.request(`/api/v1/partners/${p.id}/mobile-apps`, { headers: { cookie: p.limited } }),
    );
    expect(mine.items.map((i: { state: string }) => i.state)).toEqual(["rejected", "credited"]);
    expect(mine.items[0]).toMatchObject({ moderatorNote: "Приложение не найдено в магазине" });
    const staffView = await h.app.request(`/api/v1/partners/${p.id}/mobile-apps`, {
      headers: { cookie: mod.cookie },
    });
    expect(staffView.status).toBe(200);
  });

  it("R5.2: two moderators crediting at once — exactly one decision and one accrual, the other a conflict", async () => {
    const created = await body(await add(p.main, { editionId: "standard" }));
    const second = await staffUser(h, "moderator");
    const results = await Promise.allSettled([
      decideApp(h.db, { appId: created.id, moderatorId: mod.id, decision: { credit: true } }, { clock }),
      decideApp(h.db, { appId: created.id, moderatorId: second.id, decision: { credit: true } }, { clock }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      kind: "conflict",
    });
    expect(await accruals(created.id)).toMatchObject([{ points: 18 }]);
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, created.id));
    expect(log).toHaveLength(1);
  });

  it("R1.5c: a terminated partner adds no app and its pending app is not credited (409), only refused", async () => {
    const created = await body(await add(p.main));
    await markTerminated(h, p.id, "2026-11-02");
    expect((await add(p.main)).status).toBe(409);
    const path = `/moderation/mobile-apps/${created.id}/decide`;
    expect((await post(path, mod.cookie, { credit: true })).status).toBe(409);
    expect((await post(path, mod.cookie, { credit: false, note: "Партнёрство прекращено" })).status).toBe(
      200,
    );
  });
});
