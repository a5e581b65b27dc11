import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, signIn, signUp } from "../../test/harness.ts";

describe("authorize middleware", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    // A route someone forgot to put in the policy table.
    h.app.get("/api/v1/forgotten", (c) => c.json({ secret: true }));
    h.app.all("/api/v1/any-method", (c) => c.json({ secret: true }));
  });
  afterAll(() => h.close());

  it("denies a registered route that has no access rule, even to a signed-in user", async () => {
    await signUp(h.app, "x@example.ru", "password-x");
    const cookie = await signIn(h.app, "x@example.ru", "password-x");
    const res = await h.app.request("/api/v1/forgotten", { headers: { cookie } });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("judges app.all routes too: no rule, no access", async () => {
    const res = await h.app.request("/api/v1/any-method", { method: "DELETE" });
    expect(res.status).toBe(403);
  });

  it("lets unknown paths through to the 404 handler", async () => {
    const res = await h.app.request("/api/v1/forgotten/deeper");
    expect(res.status).toBe(404);
  });
});
