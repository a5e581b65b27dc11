import { testClient } from "hono/testing";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createHarness, type Harness } from "./test/harness.ts";

describe("AppType: typed RPC client", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("types /healthz and /api/v1/me from the chained routes", async () => {
    const client = testClient(h.app);
    const health = await client.healthz.$get();
    expect(health.status).toBe(200);
    if (health.status === 200) {
      const json = await health.json();
      expectTypeOf(json.status).toEqualTypeOf<"ok" | "unavailable">();
    }
    const me = await client.api.v1.me.$get();
    expect(me.status).toBe(401);
    if (me.status === 200) {
      const json = await me.json();
      expectTypeOf(json.roles).toEqualTypeOf<("admin" | "moderator" | "client" | "partner")[]>();
    }
  });
});
