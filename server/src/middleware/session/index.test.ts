import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, signIn, signUp } from "../../test/harness.ts";

describe("session middleware", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("no cookie, or a forged one: no principal", async () => {
    expect((await h.app.request("/api/v1/me")).status).toBe(401);
    const forged = await h.app.request("/api/v1/me", {
      headers: { cookie: "better-auth.session_token=forged.value" },
    });
    expect(forged.status).toBe(401);
  });

  it("a session cookie from sign-in: the principal, until sign-out", async () => {
    await signUp(h.app, "s@example.ru", "session-pass", "Сессия");
    const cookie = await signIn(h.app, "s@example.ru", "session-pass");
    expect((await h.app.request("/api/v1/me", { headers: { cookie } })).status).toBe(200);
    const out = await h.app.request("/api/auth/sign-out", {
      method: "POST",
      headers: { cookie, Origin: "http://localhost:8787" },
    });
    expect(out.status).toBe(200);
    expect((await h.app.request("/api/v1/me", { headers: { cookie } })).status).toBe(401);
  });

  it("Authorization: Bearer from sign-in (the extension): the principal; a forged token: none", async () => {
    await signUp(h.app, "b@example.ru", "bearer-pass", "Токен");
    const res = await h.app.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "chrome-extension://abcdefghijklmnop" },
      body: JSON.stringify({ email: "b@example.ru", password: "bearer-pass" }),
    });
    const token = res.headers.get("set-auth-token");
    expect(token).toBeTruthy();
    const me = await h.app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe("b@example.ru");
    expect((await h.app.request("/api/v1/me", { headers: { authorization: "Bearer x.y" } })).status).toBe(
      401,
    );
  });
});
