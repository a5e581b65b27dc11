import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { call, type SignedIn, team } from "../employees/team.ts";

describe("Marketplace modules (R4E.6)", () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof team<"main" | "seller" | "full">>>;
  let other: Awaited<ReturnType<typeof team<"seller">>>;
  let base: string;
  beforeAll(async () => {
    h = await createHarness();
    t = await team(h, {
      main: { level: "main" },
      seller: { level: "certified", marketplace: true },
      full: { level: "full" },
    });
    other = await team(h, { seller: { level: "limited", marketplace: true } }, "ООО Другие");
    base = `/api/v1/partners/${t.partnerId}/marketplace-modules`;
  });
  afterAll(() => h.close());

  const post = (by: SignedIn, url: string, payload: unknown) =>
    h.app.request(url, call(by.cookie, "POST", payload));
  const module = { code: "team.delivery", title: "Доставка", description: "Расчёт доставки в корзине" };

  it("R4E.6: the marketplace group adds, edits and releases updates; versions only go up", async () => {
    const res = await post(t.users.seller, base, module);
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created).toMatchObject({ ...module, latestVersion: null, updates: [] });

    const edited = await h.app.request(
      `${base}/${created.id}`,
      call(t.users.seller.cookie, "PATCH", { description: "Расчёт доставки СДЭК и Почтой" }),
    );
    expect(await body(edited)).toMatchObject({
      title: "Доставка",
      description: "Расчёт доставки СДЭК и Почтой",
    });
    // Nothing is overwritten unread: the text before the edit stays as a revision.
    const revisions = await body(
      await h.app.request(`${base}/${created.id}/revisions`, { headers: { cookie: t.users.seller.cookie } }),
    );
    expect(revisions.items).toEqual([
      expect.objectContaining({ title: "Доставка", description: "Расчёт доставки в корзине" }),
    ]);

    const updates = `${base}/${created.id}/updates`;
    expect((await post(t.users.seller, updates, { version: "1.0.0", notes: "Первая версия" })).status).toBe(
      201,
    );
    // R4E.2: the main user holds every flag.
    expect((await post(t.users.main, updates, { version: "1.10.0", notes: "Почта России" })).status).toBe(
      201,
    );
    expect((await post(t.users.seller, updates, { version: "1.9.9", notes: "старая" })).status).toBe(409);
    expect((await post(t.users.seller, updates, { version: "1.10.0", notes: "повтор" })).status).toBe(409);
    const bad = await post(t.users.seller, updates, { version: "v2", notes: "x" });
    expect((await body(bad)).errors[0].path).toBe("version");

    const list = await body(await h.app.request(base, { headers: { cookie: t.users.seller.cookie } }));
    expect(list.items).toHaveLength(1);
    expect(list.items[0].latestVersion).toBe("1.10.0");
    expect(list.items[0].updates.map((u: { version: string }) => u.version)).toEqual(["1.0.0", "1.10.0"]);
  });

  it("R4E.6: without the marketplace flag — even full rights — 403; codes are unique across partners; another partner's module is 404", async () => {
    expect((await h.app.request(base, { headers: { cookie: t.users.full.cookie } })).status).toBe(403);
    expect((await post(t.users.full, base, { ...module, code: "team.other" })).status).toBe(403);
    const otherBase = `/api/v1/partners/${other.partnerId}/marketplace-modules`;
    expect((await post(other.users.seller, otherBase, module)).status).toBe(409);
    expect((await post(other.users.seller, base, { ...module, code: "other.x" })).status).toBe(403);
    const mine = (await body(await h.app.request(base, { headers: { cookie: t.users.seller.cookie } })))
      .items[0];
    const res = await post(other.users.seller, `${otherBase}/${mine.id}/updates`, {
      version: "9.0.0",
      notes: "x",
    });
    expect(res.status).toBe(404);
    const badCode = await post(other.users.seller, otherBase, { ...module, code: "no dots" });
    expect((await body(badCode)).errors[0].path).toBe("code");
  });
});
