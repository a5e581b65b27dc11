import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moscowDay } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { seedCatalogue } from "../../program/catalogue/store.ts";
import { conditionsFor } from "../../program/status/conditions.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { account, call, type SignedIn, team } from "./team.ts";

describe("employees (R4E.1–7)", () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof team<"main" | "full" | "limited">>>;
  let base: string;
  beforeAll(async () => {
    h = await createHarness();
    await seedCatalogue(h.db);
    t = await team(h, { main: { level: "main" }, full: { level: "full" }, limited: { level: "limited" } });
    base = `/api/v1/partners/${t.partnerId}/employees`;
  });
  afterAll(() => h.close());

  const add = (by: SignedIn, payload: unknown) => h.app.request(base, call(by.cookie, "POST", payload));
  const link = async (id: string) =>
    (await h.db.select().from(s.employeeLinks).where(eq(s.employeeLinks.id, id)))[0]!;

  it("R4E.1: the main user adds a signed-up login; access only after the user accepts; e-mail RU then EN", async () => {
    const invitee = await account(h, "invitee");
    const res = await add(t.users.main, { email: invitee.email.toUpperCase(), level: "full", leads: true });
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created).toMatchObject({
      userId: invitee.id,
      email: invitee.email,
      level: "full",
      leads: true,
      marketplace: false,
      invitation: "pending",
    });
    // Pending: no access to the partner yet.
    expect((await h.app.request(base, { headers: { cookie: invitee.cookie } })).status).toBe(403);
    const mine = await body(
      await h.app.request("/api/v1/me/invitations", { headers: { cookie: invitee.cookie } }),
    );
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: created.id,
        partnerId: t.partnerId,
        partnerName: "ООО Команда",
        level: "full",
      }),
    ]);
    const [mail] = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, invitee.email));
    expect(mail!.subject).toMatch(/^Приглашение в карточку партнёра «ООО Команда» \/ Invitation/);
    expect(mail!.text.indexOf("Здравствуйте")).toBeLessThan(mail!.text.indexOf("Hello"));

    const accept = await h.app.request(
      `/api/v1/invitations/${created.id}/accept`,
      call(invitee.cookie, "POST"),
    );
    expect(accept.status).toBe(200);
    expect((await body(accept)).invitation).toBe("accepted");
    expect((await h.app.request(base, { headers: { cookie: invitee.cookie } })).status).toBe(200);
    expect(
      (await h.app.request(`/api/v1/invitations/${created.id}/accept`, call(invitee.cookie, "POST"))).status,
    ).toBe(409);
    const events = await h.db
      .select()
      .from(s.employeeLinkEvents)
      .where(eq(s.employeeLinkEvents.linkId, created.id));
    expect(events.map((e) => e.action).sort()).toEqual(["accepted", "invited"]);
  });

  it("R4E.1: decline; only the invited user answers; invited again after declining", async () => {
    const invitee = await account(h, "decliner");
    const created = await body(await add(t.users.main, { email: invitee.email, level: "limited" }));
    const other = await account(h, "stranger");
    expect(
      (await h.app.request(`/api/v1/invitations/${created.id}/decline`, call(other.cookie, "POST"))).status,
    ).toBe(403);
    expect((await add(t.users.main, { email: invitee.email, level: "limited" })).status).toBe(409);
    const res = await h.app.request(
      `/api/v1/invitations/${created.id}/decline`,
      call(invitee.cookie, "POST"),
    );
    expect((await body(res)).invitation).toBe("declined");
    const mine = await body(
      await h.app.request("/api/v1/me/invitations", { headers: { cookie: invitee.cookie } }),
    );
    expect(mine.items).toEqual([]);
    expect((await h.app.request(base, { headers: { cookie: invitee.cookie } })).status).toBe(403);
    const again = await add(t.users.main, { email: invitee.email, level: "certified" });
    expect(again.status).toBe(201);
    expect(await body(again)).toMatchObject({ id: created.id, level: "certified", invitation: "pending" });
  });

  it("R4E.1: two invitations of the same login at once — one is created, the other is a 409", async () => {
    const invitee = await account(h, "racer");
    const statuses = (
      await Promise.all([
        add(t.users.main, { email: invitee.email, level: "limited" }),
        add(t.users.full, { email: invitee.email, level: "certified" }),
      ])
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 409]);
    const links = await h.db.select().from(s.employeeLinks).where(eq(s.employeeLinks.userId, invitee.id));
    expect(links).toHaveLength(1);
    const mails = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, invitee.email));
    expect(mails).toHaveLength(1);
  });

  it("R4E.1: an e-mail nobody signed up with is a 404 naming the e-mail; bad input is a 422 naming the field", async () => {
    const res = await add(t.users.main, { email: "nobody@example.ru", level: "limited" });
    expect(res.status).toBe(404);
    const problem = await body(res);
    expect(problem.detail).toContain("nobody@example.ru");
    expect(problem.errors[0].path).toBe("email");
    const bad = await add(t.users.main, { email: "x@example.ru", level: "main" });
    expect(bad.status).toBe(422);
    expect((await body(bad)).errors[0].path).toBe("level");
  });

  it("R4E.3: a full-rights employee grants any level except full and cannot touch full or main users", async () => {
    const a = await account(h, "by-full");
    expect((await add(t.users.full, { email: a.email, level: "full" })).status).toBe(403);
    const ok = await add(t.users.full, { email: a.email, level: "limited", marketplace: true });
    expect(ok.status).toBe(201);
    const created = await body(ok);
    const patch = (by: SignedIn, linkId: string, payload: unknown) =>
      h.app.request(`${base}/${linkId}`, call(by.cookie, "PATCH", payload));
    expect((await patch(t.users.full, created.id, { level: "full" })).status).toBe(403);
    expect((await patch(t.users.full, t.users.main.linkId, { leads: true })).status).toBe(403);
    expect((await patch(t.users.full, t.users.full.linkId, { leads: true })).status).toBe(403);
    const changed = await patch(t.users.full, created.id, { level: "certified", leads: true });
    expect(await body(changed)).toMatchObject({ level: "certified", leads: true, marketplace: true });
    // R4E.2: the main user grants full; nobody grants main here.
    expect((await body(await patch(t.users.main, created.id, { level: "full" }))).level).toBe("full");
    expect((await patch(t.users.main, t.users.main.linkId, { level: "full" })).status).toBe(403);
    expect((await patch(t.users.main, created.id, {})).status).toBe(422);
    // R4E.4: limited users manage no one.
    expect((await patch(t.users.limited, created.id, { leads: false })).status).toBe(403);
  });

  it("R4C.1: detaching stops the employee's certificates counting at once; the list keeps them as detached", async () => {
    const certified = await account(h, "certified");
    const [course] = await h.db.select().from(s.courses).where(eq(s.courses.code, "developer"));
    await h.db
      .insert(s.certificates)
      .values({ userId: certified.id, courseId: course!.id, issuedAt: new Date(0) });
    const created = await body(await add(t.users.main, { email: certified.email, level: "certified" }));
    await h.app.request(`/api/v1/invitations/${created.id}/accept`, call(certified.cookie, "POST"));
    const today = moscowDay(new Date());
    const before = (await conditionsFor(h.db, [t.partnerId], today)).get(t.partnerId)!;
    expect(before.certificates).toEqual({ developer: 1 });

    expect(
      (await h.app.request(`${base}/${t.users.main.linkId}/detach`, call(t.users.full.cookie, "POST")))
        .status,
    ).toBe(403);
    const res = await h.app.request(`${base}/${created.id}/detach`, call(t.users.full.cookie, "POST"));
    expect(res.status).toBe(200);
    expect((await body(res)).invitation).toBe("detached");
    expect((await link(created.id)).detachedBy).toBe(t.users.full.id);
    const after = (await conditionsFor(h.db, [t.partnerId], today)).get(t.partnerId)!;
    expect(after.certificates).toEqual({});
    expect(
      (await h.app.request(`${base}/${created.id}/detach`, call(t.users.full.cookie, "POST"))).status,
    ).toBe(409);
    const list = await body(await h.app.request(base, { headers: { cookie: t.users.main.cookie } }));
    expect(list.items.find((e: { id: string }) => e.id === created.id).invitation).toBe("detached");
    const [mail] = await h.db
      .select()
      .from(s.emailOutbox)
      .where(
        and(
          eq(s.emailOutbox.to, certified.email),
          eq(
            s.emailOutbox.subject,
            'Вы откреплены от партнёра «ООО Команда» / You were detached from "ООО Команда"',
          ),
        ),
      );
    expect(mail).toBeDefined();
  });

  it("R4E.2: only an admin changes the main user, with the written request logged; the old main user becomes full", async () => {
    const admin = await account(h, "admin", "admin");
    const moderator = await account(h, "moderator", "moderator");
    const url = `/api/v1/admin/partners/${t.partnerId}/main-user`;
    const request = {
      email: t.users.limited.email,
      requestReference: "Письмо № 17 от 20.11.2026",
      reason: "смена директора",
    };
    expect((await h.app.request(url, call(t.users.main.cookie, "POST", request))).status).toBe(403);
    expect((await h.app.request(url, call(moderator.cookie, "POST", request))).status).toBe(403);
    const missing = await h.app.request(
      url,
      call(admin.cookie, "POST", { email: t.users.limited.email, reason: "x" }),
    );
    expect((await body(missing)).errors[0].path).toBe("requestReference");
    const res = await h.app.request(url, call(admin.cookie, "POST", request));
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({
      mainUserId: t.users.limited.id,
      previousMainUserIds: [t.users.main.id],
    });
    expect((await link(t.users.main.linkId)).level).toBe("full");
    expect((await link(t.users.limited.linkId)).level).toBe("main");
    const [log] = await h.db
      .select()
      .from(s.moderationLog)
      .where(eq(s.moderationLog.action, "partner.main_user"));
    expect(log).toMatchObject({
      actorUserId: admin.id,
      targetType: "partner",
      targetId: t.partnerId,
      reason: "Письмо № 17 от 20.11.2026: смена директора",
    });
    expect((await h.app.request(url, call(admin.cookie, "POST", request))).status).toBe(409);
    // The former main user, now full, may no longer grant full (R4E.3).
    const x = await account(h, "after-change");
    expect((await add(t.users.main, { email: x.email, level: "full" })).status).toBe(403);
  });
});
