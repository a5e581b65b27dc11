// The real Partner Trust server for the browser journeys: boot() on a temp file database with the demo seed,
// listening on a free loopback port (the same wiring as `pnpm start`, without the schedulers).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { boot } from "../../boot.ts";
import { systemClock } from "../../clock.ts";
import { parseEnv } from "../../env.ts";
import type { AuditNetwork } from "../../program/reaudit/run.ts";
import { defaultBundleFile } from "../../routes/widgets/bundle.ts";
import { seedDemo } from "../../seed/index.ts";

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/** The widget bundle the pages embed: built once if this checkout has not built it yet (pnpm start does). */
export function ensureWidgetBundle() {
  if (existsSync(defaultBundleFile)) return;
  const script = fileURLToPath(new URL("../../../../widgets/scripts/build.ts", import.meta.url));
  execFileSync(process.execPath, [script], { cwd: join(script, "..", ".."), stdio: "inherit" });
}

/** `projectSiteNetwork`: where the project site check (R5.4f) finds the journeys' local client sites. */
export async function startServer(options: { projectSiteNetwork?: AuditNetwork } = {}) {
  ensureWidgetBundle();
  const dir = mkdtempSync(join(tmpdir(), "pt-journeys-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = parseEnv({
    PORT: String(port),
    PUBLIC_URL: url,
    DATABASE_URL: `file:${join(dir, "journeys.db")}`,
    NODE_ENV: "test",
    BETTER_AUTH_SECRET: "journeys-secret-journeys-secret-0000",
  });
  const booted = await boot(env, { clock: systemClock, ...options });
  await seedDemo(booted);
  const server = serve({ fetch: booted.app.fetch, port, hostname: "127.0.0.1" });
  await new Promise<void>((r) => server.once("listening", () => r()));
  return {
    url,
    booted,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await booted.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
