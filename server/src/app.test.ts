import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookup } from "./auth/policy.ts";
import { isGlobalMiddleware } from "./middleware/authorize/index.ts";
import { body, createHarness, type Harness } from "./test/harness.ts";

describe("app", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("unknown route: 404 problem+json", async () => {
    const res = await h.app.request("/api/v1/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await body(res)).toEqual({
      type: "/problems/not-found",
      title: "Not found",
      status: 404,
      detail: "No route for GET /api/v1/no-such-thing.",
      instance: "/api/v1/no-such-thing",
    });
  });

  it("every registered route has an access rule in the policy table", () => {
    const missing = h.app.routes
      .filter((r) => !isGlobalMiddleware(r))
      .filter((r) => lookup(r.method, r.path) === undefined)
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it("serves the OpenAPI document generated from the routes", async () => {
    const res = await h.app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = await body(res);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/healthz", "/api/v1/me", "/api/v1/admin/moderation-log"]),
    );
    expect(doc.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(doc.paths["/api/v1/me"].get.security).toEqual([{ session: [] }]);
  });

  it("serves the Scalar reference page", async () => {
    const res = await h.app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("/api/v1/openapi.json");
  });

  it("answers with a request id", async () => {
    const res = await h.app.request("/healthz");
    expect(res.headers.get("x-request-id")).toMatch(/[0-9a-f-]{36}/);
  });
});
