import { Hono } from "hono";
import { requestId } from "hono/request-id";
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../types.ts";
import { requestLog } from "./index.ts";

describe("requestLog", () => {
  it("writes one JSON line per request with method, path, status, duration and request id", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    const app = new Hono<AppEnv>().use(requestId(), requestLog(logger)).get("/x", (c) => c.text("x", 201));
    const res = await app.request("/x?q=1");
    const entry = JSON.parse(lines.at(-1)!);
    expect(entry).toMatchObject({ method: "GET", path: "/x", status: 201, msg: "request" });
    expect(entry.requestId).toBe(res.headers.get("x-request-id"));
    expect(typeof entry.durationMs).toBe("number");
  });
});
