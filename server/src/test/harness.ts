// Test support: a real app on a fresh database per test file — a temp `file:` DB, or a fresh sqld
// when the vitest project provides dbKind = "sqld".
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { boot } from "../boot.ts";
import { type Clock, systemClock } from "../clock.ts";
import { parseEnv } from "../env.ts";
import { devTransport, type Transport } from "../mail/transport.ts";
import type { AuditNetwork } from "../program/reaudit/run.ts";
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

/** A real app (the same `boot` as the start command) on a fresh database. */
export async function createHarness(
  options: {
    clock?: Clock;
    transport?: Transport;
    production?: boolean;
    bundleFile?: string;
    /** R5.4f: the project site check's network (local test sites: src/test/project-sites.ts). */
    projectSiteNetwork?: AuditNetwork;
  } = {},
) {
  const database = await freshDatabase();
  // DATABASE_URL points at the fresh database: a file, or the sqld started for this test file.
  const env = parseEnv({
    DATABASE_URL: database.url,
    NODE_ENV: options.production ? "production" : "test",
    BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-00",
    PUBLIC_URL: ORIGIN,
  });
  const booted = await boot(env, {
    clock: options.clock ?? systemClock,
    transport: options.transport ?? devTransport,
    ...(options.bundleFile ? { bundleFile: options.bundleFile } : {}),
    ...(options.projectSiteNetwork && { projectSiteNetwork: options.projectSiteNetwork }),
  });
  return {
    ...booted,
    database,
    async close() {
      await booted.close();
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
