// The start command: config → database → migrations → demo seed → HTTP server → graceful shutdown.
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import pino from "pino";
import { type Booted, boot } from "./boot.ts";
import { systemClock } from "./clock.ts";
import { EnvError, loadEnv } from "./env.ts";
import { startWorker } from "./jobs/worker.ts";
import { warmDirectory } from "./program/directory/cache.ts";
import { startReauditScheduler } from "./program/reaudit/index.ts";
import { startRecomputeScheduler } from "./program/status/daily.ts";
import { partnersByStatus } from "./program/status/summary.ts";
import { type SeedResult, seedDemo } from "./seed/index.ts";

/** Where `pnpm --filter @partner-trust/extension build` puts the unpacked Chrome extension. */
const extensionDir = fileURLToPath(new URL("../../extension/.output/chrome-mv3", import.meta.url));

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(err.message);
  process.exit(1);
}

const logger = pino({ level: env.logLevel });
let booted: Booted;
let seed: SeedResult;
let statuses: string;
try {
  booted = await boot(env, { clock: systemClock, logger });
  seed = await seedDemo(booted);
  statuses = await partnersByStatus(booted.db);
} catch (err) {
  console.error(
    `Cannot prepare the database at ${env.databaseUrl}: ${err instanceof Error ? err.message : err}`,
  );
  process.exit(1);
}
const { app, db, mailer, clock, close } = booted;
const worker = startWorker({ db, mailer, clock, logger });
// R5.6: today's recompute if no instance ran it yet, then every day at 00:00 MSK.
const recompute = startRecomputeScheduler({ db, clock, logger });
const reaudit = startReauditScheduler({ db, clock, logger }); // R6.2c: NFR sites daily at 04:00 MSK
void warmDirectory(db, clock); // R2.7: the first visitor of the directory does not wait for the ranking

const server = serve({ fetch: app.fetch, port: env.port }, () => {
  const u = env.publicUrl;
  const lines = [
    "",
    `Partner Trust is running (${env.nodeEnv}, database ${env.databaseUrl.replace(/\/\/[^@/]*@/, "//")})`,
    `  API:         ${u}/api/v1`,
    `  API docs:    ${u}/api/docs`,
    `  Health:      ${u}/healthz`,
    `  Directory:   ${u}/   (partner cabinet ${u}/cabinet: sign in with a demo account below)`,
    `  Widgets:     ${u}/widgets/demo   (bundle ${u}/widgets/v1/partner-trust.js, keys ${u}/.well-known/jwks.json)`,
    `  Extension:   ${extensionDir}   (chrome://extensions → Developer mode → Load unpacked)`,
    ...(env.production ? [] : [`  Dev outbox:  ${u}/dev/outbox`]),
    "",
    `Partners by status: ${statuses}`,
    "",
    seed.seeded ? "Demo data seeded. Demo accounts:" : "Demo accounts (seeded on the first start):",
    ...seed.accounts.map(
      (a) => `  ${a.email.padEnd(32)} password: ${a.password.padEnd(16)} (${a.description})`,
    ),
    "",
    "Press Ctrl-C to stop.",
    "",
  ];
  console.log(lines.join("\n"));
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  // In-flight requests get 10 s; then the process exits anyway.
  setTimeout(() => {
    console.error("Shutdown timed out.");
    process.exit(1);
  }, 10_000).unref();
  await worker.stop();
  await recompute.stop();
  await reaudit.stop();
  // Stop accepting; in-flight requests finish, idle keep-alive sockets close.
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ("closeIdleConnections" in server) server.closeIdleConnections();
  });
  await close();
  logger.info("stopped");
  console.log("Partner Trust stopped cleanly.");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
