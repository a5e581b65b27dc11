// Child process of the status-endpoint benchmark: the REAL server (boot + demo seed on a temp embedded
// libSQL file) on one loopback port, and a bare Hono route on another, in the same process so both meet
// the same conditions. Prints one JSON line {real, bare, partnerId} when listening; SIGTERM stops it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import pino from "pino";
import { boot } from "../../server/src/boot.ts";
import { systemClock } from "../../server/src/clock.ts";
import { parseEnv } from "../../server/src/env.ts";
import { seedDemo } from "../../server/src/seed/index.ts";

const dir = mkdtempSync(join(tmpdir(), "pt-bench-status-"));
const env = parseEnv({
  DATABASE_URL: `file:${join(dir, "bench.db")}`,
  NODE_ENV: "production",
  BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0",
  PUBLIC_URL: "http://127.0.0.1:8787",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});
const booted = await boot(env, { clock: systemClock, logger: pino({ level: env.logLevel }) });
await seedDemo(booted);
const demo = await (await booted.app.request("/widgets/demo")).text();
const partnerId = /<pt-partner-badge partner="([0-9a-f-]{36})"/.exec(demo)?.[1];

const bare = new Hono().get("/bare", (c) => c.json({ token: "x".repeat(1300) }));

const listen = (fetch: (req: Request) => Response | Promise<Response>) =>
  new Promise<{ port: number; close(): void }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve({ port: info.port, close: () => server.close() }),
    );
  });
const real = await listen(booted.app.fetch);
const bareServer = await listen(bare.fetch);
console.log(JSON.stringify({ real: real.port, bare: bareServer.port, partnerId, logLevel: env.logLevel }));

process.on("SIGTERM", async () => {
  real.close();
  bareServer.close();
  await booted.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
