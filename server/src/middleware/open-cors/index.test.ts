import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../types.ts";
import { openCors } from "./index.ts";

describe("openCors", () => {
  const app = new Hono<AppEnv>()
    .use("/open/*", openCors())
    .get("/open/ok", (c) => c.json({ ok: true }))
    .get("/open/fail", () => {
      throw new HTTPException(404, { message: "nope" });
    });
  app.onError((err, c) => c.json({ error: err.message }, 404));

  it("answers the preflight with 204 and the allowed method and headers", async () => {
    const res = await app.request("/open/ok", {
      method: "OPTIONS",
      headers: { Origin: "https://a.example", "Access-Control-Request-Method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("Content-Type");
  });

  it("opens responses and error responses to every origin", async () => {
    expect((await app.request("/open/ok")).headers.get("access-control-allow-origin")).toBe("*");
    const failed = await app.request("/open/fail");
    expect(failed.status).toBe(404);
    expect(failed.headers.get("access-control-allow-origin")).toBe("*");
  });
});
