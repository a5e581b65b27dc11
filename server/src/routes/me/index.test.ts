import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moscowDay } from "../../clock.ts";
import { employeeLinks, partners } from "../../db/schema/index.ts";
import { body, createHarness, type Harness, ORIGIN, signIn, signUp } from "../../test/harness.ts";

describe("accounts and GET /api/v1/me", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("anonymous: 401 problem+json", async () => {
    const res = await h.app.request("/api/v1/me");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await body(res)).toMatchObject({
      type: "/problems/unauthenticated",
      status: 401,
      title: "Not signed in",
      instance: "/api/v1/me",
    });
  });

  it("sign-up, sign-in and session through better-auth", async () => {
    const up = await signUp(h.app, "new@example.ru", "correct-horse", "Новый Пользователь");
    expect(up.status).toBe(200);
    const cookie = await signIn(h.app, "new@example.ru", "correct-horse");
    const session = await h.app.request("/api/auth/get-session", { headers: { cookie, Origin: ORIGIN } });
    expect(session.status).toBe(200);
    expect((await body(session)).user.email).toBe("new@example.ru");
  });

  it("sign-up cannot choose its own role", async () => {
    const res = await h.app.request("/api/auth/sign-up/email", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN },
      body: JSON.stringify({
        email: "sneaky@example.ru",
        password: "correct-horse",
        name: "S",
        role: "admin",
      }),
    });
    if (res.status === 200) {
      const cookie = await signIn(h.app, "sneaky@example.ru", "correct-horse");
      const me = await body(await h.app.request("/api/v1/me", { headers: { cookie } }));
      expect(me.roles).toEqual(["client"]);
    } else {
      expect(res.status).toBe(400);
    }
  });

  it("rejects a wrong password", async () => {
    await expect(signIn(h.app, "new@example.ru", "wrong-password")).rejects.toThrow(/401/);
  });

  it("signed in: 200 with roles and partner links", async () => {
    await signUp(h.app, "main@example.ru", "correct-horse", "Главный");
    const cookie = await signIn(h.app, "main@example.ru", "correct-horse");
    const anon = await body(await h.app.request("/api/v1/me", { headers: { cookie } }));
    expect(anon).toMatchObject({ email: "main@example.ru", roles: ["client"], partnerLinks: [] });

    const now = new Date();
    const [p] = await h.db
      .insert(partners)
      .values({
        name: "Альфа",
        legalKind: "legal_entity",
        city: "Москва",
        approvedAt: now,
        statusSince: moscowDay(now),
      })
      .returning();
    await h.db.insert(employeeLinks).values({
      partnerId: p!.id,
      userId: anon.id,
      level: "main",
      leads: true,
      invitation: "accepted",
      invitedAt: now,
    });
    const res = await h.app.request("/api/v1/me", { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({
      roles: ["client", "partner"],
      partnerLinks: [
        {
          partnerId: p!.id,
          partnerName: "Альфа",
          level: "main",
          marketplace: false,
          leads: true,
          invitation: "accepted",
        },
      ],
    });
  });
});
