// The real Partner Trust server for the e2e test: boot() on a temp file database with the demo seed,
// listening on a free loopback port.
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { boot } from "@partner-trust/server/src/boot.ts";
import { systemClock } from "@partner-trust/server/src/clock.ts";
import { parseEnv } from "@partner-trust/server/src/env.ts";
import { seedDemo } from "@partner-trust/server/src/seed/index.ts";

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), "pt-ext-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = parseEnv({
    PORT: String(port),
    PUBLIC_URL: url,
    DATABASE_URL: `file:${join(dir, "e2e.db")}`,
    NODE_ENV: "test",
    BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0000",
  });
  const booted = await boot(env, { clock: systemClock });
  await seedDemo(booted);
  const server = serve({ fetch: booted.app.fetch, port, hostname: "127.0.0.1" });
  await new Promise<void>((r) => server.once("listening", () => r()));
  return {
    url,
    booted,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      booted.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
