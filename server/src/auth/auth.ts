// The one better-auth factory: e-mail + password on our database through the drizzle adapter.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { bearer } from "better-auth/plugins";
import type { Db } from "../db/client.ts";
import * as schema from "../db/schema/index.ts";

export const roles = ["admin", "moderator", "client"] as const;
export type Role = (typeof roles)[number];

/**
 * The moderators' browser extension (extension/) signs in from its own origin and then sends
 * `Authorization: Bearer <token>` (bearer plugin). Extension IDs differ per install and browser, so the
 * scheme is trusted; a web page cannot send these origins, and a session still needs the password.
 */
export const extensionOrigins = ["chrome-extension://*", "moz-extension://*"];

export type AuthOptions = {
  db: Db;
  secret: string;
  baseURL: string;
  trustedOrigins?: string[];
};

export function createAuth({ db, secret, baseURL, trustedOrigins = [] }: AuthOptions) {
  return betterAuth({
    appName: "Partner Trust",
    database: drizzleAdapter(db, { provider: "sqlite", schema }),
    emailAndPassword: { enabled: true, minPasswordLength: 8 },
    secret,
    baseURL,
    basePath: "/api/auth",
    trustedOrigins: [baseURL, ...trustedOrigins, ...extensionOrigins],
    plugins: [bearer()],
    telemetry: { enabled: false },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
    user: {
      additionalFields: {
        // Vendor-side role; partner rights come from employee links (R4E), not from here.
        role: { type: "string", required: false, defaultValue: "client", input: false },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type Session = Auth["$Infer"]["Session"];
