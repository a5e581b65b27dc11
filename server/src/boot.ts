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

export type BootOptions = { clock: Clock; logger?: Logger; transport?: Transport };

export async function boot(env: Env, { clock, logger = pino({ level: "silent" }), transport }: BootOptions) {
  const { db, client, close } = openDb({ url: env.databaseUrl, authToken: env.databaseAuthToken });
  try {
    await applyMigrations(db);
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
  const app = createApp({ db, auth, mailer, clock, logger, production: env.production });
  return { app, db, client, auth, mailer, clock, logger, close };
}

export type Booted = Awaited<ReturnType<typeof boot>>;
