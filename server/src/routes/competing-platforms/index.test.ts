import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { seedCompetingPlatforms } from "../../program/competitors/platforms.ts";
import { competingPlatformSeed } from "../../program/leads/competitors.ts";
import { account, call, link, makePartner } from "../../program/leads/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { fieldErrorOf, getPage, postForm } from "../../test/http.ts";

describe("R7.1e competing platforms: a table admins edit (issue 10)", () => {
  let h: Harness;
  let req: ReturnType<typeof call>;
  let admin: { cookie: string; userId: string };
  let mod: string;
  let employee: { cookie: string; userId: string };
  let leadId: string;
  const partners: string[] = [];

  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock("2026-11-24T09:00:00Z") });
    req = call(h);
    admin = await account(h, "admin@vendor.example", "admin");
    mod = (await account(h, "mod@vendor.example", "moderator")).cookie;
    employee = await account(h, "sales@partners.example");
    for (let i = 0; i < 8; i++) {
      const id = await makePartner(h.db, { name: `Золото ${i}`, status: "gold", city: "Казань" });
      await link(h.db, employee.userId, id, "limited", true);
      partners.push(id);
    }
    const client = (await account(h, "client@client.example")).cookie;
    const lead = await body(
      await req("POST", "/leads", client, {
        description: "Нужен интернет-магазин",
        contactName: "Ирина",
        contactEmail: "irina@client.example",
        city: "Казань",
        maxProposals: 10,
      }),
    );
    leadId = lead.id;
    expect((await req("POST", `/moderation/leads/${leadId}/decide`, mod, { publish: true })).status).toBe(
      200,
    );
  });
  afterAll(() => h.close());

  const platforms = async () =>
    (await body(await req("GET", "/admin/competing-platforms", admin.cookie))).items;
  const byName = async (name: string) => (await platforms()).find((p: { name: string }) => p.name === name);
  let next = 0;
  /** A proposal from the next partner: the platforms it was flagged for. */
  const propose = async (text: string) => {
    const res = await req(
      "POST",
      `/partners/${partners[next++]}/leads/${leadId}/proposals`,
      employee.cookie,
      {
        text,
      },
    );
    expect(res.status).toBe(201);
    const [row] = await h.db
      .select()
      .from(s.proposals)
      .where(eq(s.proposals.id, (await body(res)).id));
    return row!.flaggedTerms ?? [];
  };
  const logged = (action: string, targetId: string) =>
    h.db
      .select()
      .from(s.moderationLog)
      .where(and(eq(s.moderationLog.action, action), eq(s.moderationLog.targetId, targetId)));

  it("R7.1e: a fresh start seeds the list once (every platform of the seed data, active, in order)", async () => {
    const items = await platforms();
    expect(items.map((p: { name: string }) => p.name)).toEqual(competingPlatformSeed.map((p) => p.name));
    expect(items.every((p: { active: boolean }) => p.active)).toBe(true);
    await seedCompetingPlatforms(h.db); // a second start
    expect(await platforms()).toHaveLength(competingPlatformSeed.length);
  });

  it("R7.1e: admins only — a moderator and a partner's employee get 403", async () => {
    expect((await req("GET", "/admin/competing-platforms", mod)).status).toBe(403);
    expect(
      (await req("POST", "/admin/competing-platforms", employee.cookie, { name: "X", spellings: ["x"] }))
        .status,
    ).toBe(403);
  });

  it("R7.1e: bad input is a 422 naming the field; a listed name is a 409; an unknown platform a 404", async () => {
    const paths = async (res: Response) => {
      expect(res.status).toBe(422);
      return (await body(res)).errors.map((e: { path: string }) => e.path);
    };
    expect(
      await paths(
        await req("POST", "/admin/competing-platforms", admin.cookie, { name: " ", spellings: [] }),
      ),
    ).toEqual(expect.arrayContaining(["name", "spellings"]));
    expect(
      await paths(
        await req("POST", "/admin/competing-platforms", admin.cookie, { name: "Y", spellings: ["ok", "--"] }),
      ),
    ).toEqual(["spellings.1"]);
    const tilda = await byName("Tilda");
    expect(
      await paths(await req("PATCH", `/admin/competing-platforms/${tilda.id}`, admin.cookie, {})),
    ).toEqual(["spellings"]);
    expect(
      await paths(
        await req("PATCH", `/admin/competing-platforms/${tilda.id}`, admin.cookie, { active: "no" }),
      ),
    ).toEqual(["active"]);
    const dup = await req("POST", "/admin/competing-platforms", admin.cookie, {
      name: "TILDA",
      spellings: ["t"],
    });
    expect(dup.status).toBe(409);
    expect((await body(dup)).errors[0].path).toBe("name");
    expect(
      (await req("PATCH", "/admin/competing-platforms/no-such-id", admin.cookie, { active: false })).status,
    ).toBe(404);
  });

  it("R7.1e: a platform an admin adds flags a proposal naming it; logged in moderation_log", async () => {
    expect(await propose("Соберём лендинг на Таплинке за день")).toEqual([]);
    const res = await req("POST", "/admin/competing-platforms", admin.cookie, {
      name: "Taplink",
      spellings: ["Taplink", "таплинк", "taplink"],
    });
    expect(res.status).toBe(201);
    const added = await body(res);
    expect(added).toMatchObject({ name: "Taplink", spellings: ["taplink", "таплинк"], active: true });
    expect(await propose("Соберём лендинг на Таплинке за день")).toEqual(["Taplink"]);
    const [entry] = await logged("competing_platform.add", added.id);
    expect(entry).toMatchObject({ actorUserId: admin.userId, targetType: "competing_platform" });
  });

  it("R7.1e: a retired platform no longer flags; restored, it does again; spellings edited count at once", async () => {
    const wp = await byName("WordPress");
    const retired = await req("PATCH", `/admin/competing-platforms/${wp.id}`, admin.cookie, {
      active: false,
    });
    expect(await body(retired)).toMatchObject({ active: false });
    expect(await propose("Сделаем на WordPress")).toEqual([]);
    expect(await byName("WordPress")).toMatchObject({ active: false }); // kept, not deleted
    await req("PATCH", `/admin/competing-platforms/${wp.id}`, admin.cookie, { active: true });
    expect(await propose("Сделаем на WordPress")).toEqual(["WordPress"]);
    expect(await logged("competing_platform.retire", wp.id)).toHaveLength(1);
    expect(await logged("competing_platform.restore", wp.id)).toHaveLength(1);

    const wix = await byName("Wix");
    await req("PATCH", `/admin/competing-platforms/${wix.id}`, admin.cookie, {
      spellings: ["wix", "викс", "уикс"],
    });
    expect(await propose("Конструктор уикс")).toEqual(["Wix"]);
    const [entry] = await logged("competing_platform.spellings", wix.id);
    expect(entry!.reason).toBe("wix, викс → wix, викс, уикс");
  });

  describe("the /admin/platforms page (forms without JS)", () => {
    const page = (path: string, form?: Record<string, string>) =>
      form ? postForm(h, path, form, admin.cookie) : getPage(h, path, admin.cookie);
    const errorOf = fieldErrorOf;

    it("R7.1e: lists every platform with its spellings and state", async () => {
      const { status, text } = await page("/admin/platforms");
      expect(status).toBe(200);
      expect(text).toContain("тильда");
      expect(text).toContain("Taplink");
      expect(text).toContain('action="/admin/platforms/add"');
    });

    it("R7.1e: the forms answer 422 with errors by field, a listed name on its field", async () => {
      const bad = await page("/admin/platforms/add", { name: "", spellings: " , ," });
      expect(bad.status).toBe(422);
      expect(errorOf(bad.text, "add-name")).toBeTruthy();
      expect(errorOf(bad.text, "add-spellings")).toContain("хотя бы одно написание");
      const dup = await page("/admin/platforms/add", { name: "wordpress", spellings: "wp" });
      expect(dup.status).toBe(409);
      expect(errorOf(dup.text, "add-name")).toContain("уже есть в списке");
      const none = await page("/admin/platforms/retire", { platformId: "" });
      expect(none.status).toBe(422);
      expect(errorOf(none.text, "retire-platformId")).toContain("Выберите платформу");
      const spell = await page("/admin/platforms/spellings", { platformId: "", spellings: "" });
      expect(errorOf(spell.text, "spellings-platformId")).toBeTruthy();
      expect(errorOf(spell.text, "spellings-spellings")).toBeTruthy();
    });

    it("R7.1e: add, change spellings, retire and restore through the page — each logged, and the flag follows", async () => {
      const add = await page("/admin/platforms/add", { name: "Мойсклад", spellings: "moysklad,\nмойсклад" });
      expect(add.status).toBe(303);
      const ms = await byName("Мойсклад");
      expect(ms).toMatchObject({ spellings: ["moysklad", "мойсклад"], active: true });
      expect(await propose("Подключим Мойсклад")).toEqual(["Мойсклад"]);
      expect(
        (await page("/admin/platforms/spellings", { platformId: ms.id, spellings: "moysklad, мой склад" }))
          .status,
      ).toBe(303);
      expect((await byName("Мойсклад")).spellings).toEqual(["moysklad", "мой склад"]);
      expect((await page("/admin/platforms/retire", { platformId: ms.id })).status).toBe(303);
      expect(await propose("Подключим Мой склад")).toEqual([]);
      expect((await page("/admin/platforms", undefined)).text).toContain("Выведена");
      expect((await page("/admin/platforms/restore", { platformId: ms.id })).status).toBe(303);
      for (const action of ["add", "spellings", "retire", "restore"])
        expect(await logged(`competing_platform.${action}`, ms.id)).toHaveLength(1);
    });
  });
});
