// Test support: a real app on a fresh database per test file — a temp `file:` DB, or a fresh sqld
// when the vitest project provides dbKind = "sqld".
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { createApp } from "../app.ts";
import { createAuth } from "../auth/auth.ts";
import { type Clock, systemClock } from "../clock.ts";
import { applyMigrations, type Db, openDb } from "../db/client.ts";
import { createMailer } from "../mail/outbox.ts";
import { devTransport, type Transport } from "../mail/transport.ts";
import { startSqld } from "./sqld.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dbKind: "file" | "sqld";
  }
}

export const ORIGIN = "http://localhost:8787";

export type TestDatabase = { kind: "file" | "sqld"; url: string; destroy(): Promise<void> };

/** A fresh, empty database of the kind the current vitest project asks for. */
export async function freshDatabase(): Promise<TestDatabase> {
  const kind = inject("dbKind") ?? "file";
  if (kind === "sqld") {
    const sqld = await startSqld();
    return { kind, url: sqld.url, destroy: sqld.stop };
  }
  const dir = mkdtempSync(join(tmpdir(), "pt-db-"));
  return {
    kind,
    url: `file:${join(dir, "test.db")}`,
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

export async function createHarness(
  options: { clock?: Clock; transport?: Transport; production?: boolean } = {},
) {
  const database = await freshDatabase();
  const { db, close } = openDb({ url: database.url });
  await applyMigrations(db);
  const clock = options.clock ?? systemClock;
  const auth = createAuth({ db, secret: "test-secret-test-secret-test-secret-00", baseURL: ORIGIN });
  const mailer = createMailer({ db, transport: options.transport ?? devTransport, clock });
  const app = createApp({ db, auth, mailer, clock, production: options.production ?? false });
  return {
    app,
    db: db as Db,
    auth,
    mailer,
    clock,
    database,
    async close() {
      close();
      await database.destroy();
    },
  };
}

/** Signs in through better-auth and returns the session cookie header. */
export async function signIn(app: Harness["app"], email: string, password: string): Promise<string> {
  const res = await app.request("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: ORIGIN },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  return cookies.join("; ");
}

export async function signUp(app: Harness["app"], email: string, password: string, name = "Test User") {
  return app.request("/api/auth/sign-up/email", {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: ORIGIN },
    body: JSON.stringify({ email, password, name }),
  });
}

/** A response body for assertions (the assertions check its shape). */
// biome-ignore lint/suspicious/noExplicitAny: assertions check the shape
export const body = (res: Response): Promise<any> => res.json();
