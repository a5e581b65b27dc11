import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { account, call, type SignedIn, team } from "../employees/team.ts";

describe("Marketplace publication points (R5.2)", () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof team<"main" | "seller" | "full">>>;
  let mod: SignedIn;
  let mod2: SignedIn;
  let base: string;
  beforeAll(async () => {
    h = await createHarness();
    t = await team(h, {
      main: { level: "main" },
      seller: { level: "certified", marketplace: true },
      full: { level: "full" },
    });
    mod = await account(h, "mod", "moderator");
    mod2 = await account(h, "mod2", "moderator");
    base = `/api/v1/partners/${t.partnerId}/marketplace-modules`;
  });
  afterAll(() => h.close());

  const post = (by: SignedIn, url: string, payload: unknown) =>
    h.app.request(url, call(by.cookie, "POST", payload));
  const newModule = async (code: string) =>
    (await body(await post(t.users.seller, base, { code, title: `Модуль ${code}`, description: "Описание" })))
      .id as string;
  const url = (code: string) => `https://marketplace.1c-bitrix.ru/solutions/${code}/`;
  const claim = (by: SignedIn, id: string, payload: Record<string, unknown>) =>
    post(by, `${base}/${id}/publication`, payload);
  const decide = (by: SignedIn, id: string, payload: unknown) =>
    post(by, `/api/v1/moderation/marketplace-publications/${id}/decide`, payload);
  const accruals = (id: string) =>
    h.db
      .select()
      .from(s.pointAccruals)
      .where(and(eq(s.pointAccruals.sourceType, "marketplace"), eq(s.pointAccruals.sourceId, id)));

  it("R5.2, R4E.6: the marketplace group claims; others 403; the URL must be on marketplace.1c-bitrix.ru", async () => {
    const id = await newModule("team.claim");
    expect(
      (await claim(t.users.full, id, { marketplaceUrl: url("team.claim"), priceRub: 1000 })).status,
    ).toBe(403);
    const bad = await claim(t.users.seller, id, {
      marketplaceUrl: "https://example.ru/team.claim",
      priceRub: 1000,
    });
    expect(bad.status).toBe(422);
    expect((await body(bad)).errors[0].path).toBe("marketplaceUrl");
    const negative = await claim(t.users.seller, id, { marketplaceUrl: url("team.claim"), priceRub: -1 });
    expect((await body(negative)).errors[0].path).toBe("priceRub");
    const res = await claim(t.users.seller, id, { marketplaceUrl: url("team.claim"), priceRub: 12_500 });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ publication: "pending", priceRub: 12_500, points: null });
    // A pending claim cannot be made again.
    expect((await claim(t.users.main, id, { marketplaceUrl: url("team.claim"), priceRub: 1 })).status).toBe(
      409,
    );
    // The moderators' queue: the points it would give, round-half-up(12 500 / 1000) = 13.
    expect(
      (
        await h.app.request("/api/v1/moderation/marketplace-publications", {
          headers: { cookie: t.users.main.cookie },
        })
      ).status,
    ).toBe(403);
    const queue = await body(
      await h.app.request("/api/v1/moderation/marketplace-publications", { headers: { cookie: mod.cookie } }),
    );
    expect(queue.items).toContainEqual(
      expect.objectContaining({
        id,
        code: "team.claim",
        priceRub: 12_500,
        points: 13,
        partnerName: "ООО Команда",
      }),
    );
  });

  it("R5.2: a refusal needs a note; a rejected claim may be made again; a credit gives the points once, mailed", async () => {
    const id = await newModule("team.credit");
    await claim(t.users.seller, id, { marketplaceUrl: url("team.credit"), priceRub: 2_400 });
    const noNote = await decide(mod, id, { credit: false });
    expect(noNote.status).toBe(422);
    expect((await body(noNote)).errors[0].path).toBe("note");
    const rejected = await decide(mod, id, { credit: false, note: "Страница модуля не открывается" });
    expect(await body(rejected)).toMatchObject({
      publication: "rejected",
      publicationNote: "Страница модуля не открывается",
    });
    expect(await accruals(id)).toEqual([]);

    const again = await claim(t.users.main, id, { marketplaceUrl: url("team.credit"), priceRub: 2_500 });
    expect(await body(again)).toMatchObject({ publication: "pending", publicationNote: null });
    const credited = await body(await decide(mod, id, { credit: true }));
    // round-half-up(2 500 / 1000) = 3
    expect(credited).toMatchObject({ publication: "credited", points: 3 });
    expect((await accruals(id)).map((a) => a.points)).toEqual([3]);
    expect(
      (await claim(t.users.seller, id, { marketplaceUrl: url("team.credit"), priceRub: 9_000 })).status,
    ).toBe(409);
    expect((await decide(mod, id, { credit: true })).status).toBe(409);

    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, id));
    expect(log.map((l) => l.action).sort()).toEqual([
      "marketplace_publication.credit",
      "marketplace_publication.reject",
    ]);
    const mails = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, t.users.main.email));
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        "Публикация модуля засчитана / Module publication credited: team.credit",
        "Публикация модуля не засчитана / Module publication not credited: team.credit",
      ]),
    );
  });

  it("R5.2: a free module is credited with 0 points and no accrual", async () => {
    const id = await newModule("team.free");
    await claim(t.users.seller, id, { marketplaceUrl: url("team.free"), priceRub: 0 });
    expect(await body(await decide(mod, id, { credit: true }))).toMatchObject({
      publication: "credited",
      points: 0,
    });
    expect(await accruals(id)).toEqual([]);
  });

  it("R5.2: two moderators at once — one decision wins, the other is a 409, the points are credited once", async () => {
    const id = await newModule("team.race");
    await claim(t.users.seller, id, { marketplaceUrl: url("team.race"), priceRub: 40_000 });
    const results = await Promise.all([
      decide(mod, id, { credit: true }),
      decide(mod2, id, { credit: true }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await accruals(id)).map((a) => a.points)).toEqual([40]);
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, id));
    expect(log).toHaveLength(1);
  });
});
