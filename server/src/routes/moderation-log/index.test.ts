import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moderationLog, user } from "../../db/schema/index.ts";
import { body, createHarness, type Harness, signIn, signUp } from "../../test/harness.ts";

describe("GET /api/v1/admin/moderation-log", () => {
  let h: Harness;
  let clientCookie: string;
  let moderatorCookie: string;
  beforeAll(async () => {
    h = await createHarness();
    await signUp(h.app, "client@example.ru", "client-pass");
    await signUp(h.app, "mod@example.ru", "moderator-pass");
    await h.db.update(user).set({ role: "moderator" }).where(eq(user.email, "mod@example.ru"));
    clientCookie = await signIn(h.app, "client@example.ru", "client-pass");
    moderatorCookie = await signIn(h.app, "mod@example.ru", "moderator-pass");
    await h.db.insert(moderationLog).values({
      actorUserId: "someone",
      at: new Date("2026-01-02T03:04:05Z"),
      action: "card.approve",
      targetType: "partner",
      targetId: "p1",
    });
  });
  afterAll(() => h.close());

  it("wrong role: 403 problem+json", async () => {
    const res = await h.app.request("/api/v1/admin/moderation-log", { headers: { cookie: clientCookie } });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await body(res)).toMatchObject({ type: "/problems/forbidden", status: 403, title: "Forbidden" });
  });

  it("moderator: 200 with the entries", async () => {
    const res = await h.app.request("/api/v1/admin/moderation-log", { headers: { cookie: moderatorCookie } });
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({
      items: [
        expect.objectContaining({ action: "card.approve", at: "2026-01-02T03:04:05.000Z", reason: null }),
      ],
    });
  });

  it("bad input: 422 naming the field", async () => {
    const res = await h.app.request("/api/v1/admin/moderation-log?limit=abc", {
      headers: { cookie: moderatorCookie },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = await body(res);
    expect(problem).toMatchObject({
      type: "/problems/validation",
      status: 422,
      detail: "Invalid value for: limit",
    });
    expect(problem.errors).toEqual([{ path: "limit", message: expect.any(String) }]);
  });

  it("out-of-range input: 422 naming the field", async () => {
    const res = await h.app.request("/api/v1/admin/moderation-log?limit=1000", {
      headers: { cookie: moderatorCookie },
    });
    expect(res.status).toBe(422);
    expect((await body(res)).errors[0].path).toBe("limit");
  });
});
