// Wires the product from a validated config: database (migrated), auth, mailer, app. Used by the start
// command and by the test harness, so tests run what production runs.
import pino, { type Logger } from "pino";
import { createApp } from "./app.ts";
import { createAuth } from "./auth/auth.ts";
import type { Clock } from "./clock.ts";
import { applyMigrations, openDb } from "./db/client.ts";
import type { Env } from "./env.ts";
import { createMailer } from "./mail/outbox.ts";
import { type Transport, transportFor } from "./mail/transport.ts";
import { createBadgeService } from "./program/badges/service.ts";
import { moveSingleValuesIntoLists } from "./program/cards/migrate.ts";
import { seedCompetingPlatforms } from "./program/competitors/platforms.ts";
import type { AuditNetwork } from "./program/reaudit/run.ts";

export type BootOptions = {
  clock: Clock;
  logger?: Logger;
  transport?: Transport;
  bundleFile?: string;
  /** R5.4f: the project site check's network (tests: local sites). */
  projectSiteNetwork?: AuditNetwork;
};

export async function boot(
  env: Env,
  { clock, logger = pino({ level: "silent" }), transport, bundleFile, projectSiteNetwork }: BootOptions,
) {
  const { db, client, close } = openDb({ url: env.databaseUrl, authToken: env.databaseAuthToken });
  try {
    await applyMigrations(db);
    // R1.4a: card phones / e-mails / addresses from before the lists (a data step after the schema's).
    await moveSingleValuesIntoLists(db);
    await seedCompetingPlatforms(db); // R7.1e: the list admins edit, filled once on an empty table (every start)
  } catch (err) {
    close();
    throw err;
  }
  // In development the same server is also reachable as 127.0.0.1.
  const trustedOrigins = env.production
    ? []
    : [`http://127.0.0.1:${env.port}`, `http://localhost:${env.port}`];
  const auth = createAuth({ db, secret: env.authSecret, baseURL: env.publicUrl, trustedOrigins });
  const mailer = createMailer({ db, transport: transport ?? transportFor(env.smtpUrl), clock });
  const badges = createBadgeService({ db, secret: env.signingSecret, clock, publicUrl: env.publicUrl });
  // W1: the first start creates the signing key (so the JWKS is there before the first badge asks).
  await badges.jwks();
  const app = createApp({
    db,
    auth,
    mailer,
    clock,
    logger,
    production: env.production,
    badges,
    publicUrl: env.publicUrl,
    ...(bundleFile ? { bundleFile } : {}),
    ...(projectSiteNetwork && { projectSiteNetwork }),
  });
  return {
    app,
    db,
    client,
    auth,
    mailer,
    clock,
    logger,
    badges,
    /** Writes the pending badge placements, then closes the database. */
    async close() {
      await badges.close().catch(() => {});
      close();
    },
  };
}

export type Booted = Awaited<ReturnType<typeof boot>>;
