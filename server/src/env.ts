// Configuration: the only module that reads process.env; validated with zod at start.
import { fileURLToPath } from "node:url";
import { z } from "zod";

const DEV_SECRET = "dev-only-secret-change-me-in-production-0000";

/** Default database: an embedded libSQL file under the git-ignored .data/ folder at the repository root. */
export const defaultDatabaseUrl = `file:${fileURLToPath(new URL("../../.data/partner-trust.db", import.meta.url))}`;

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(8787),
    DATABASE_URL: z
      .string()
      .regex(
        /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/,
        "must start with file:, libsql://, http(s):// or ws(s)://",
      )
      .default(defaultDatabaseUrl),
    DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    PUBLIC_URL: z.url().optional(),
    // W1: encrypts the status-signing keys at rest; defaults to BETTER_AUTH_SECRET.
    SIGNING_KEY_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_SECRET"], message: "is required in production" });
    }
  })
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    production: env.NODE_ENV === "production",
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    authSecret: env.BETTER_AUTH_SECRET ?? DEV_SECRET,
    signingSecret: env.SIGNING_KEY_SECRET ?? env.BETTER_AUTH_SECRET ?? DEV_SECRET,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    smtpUrl: env.SMTP_URL,
    logLevel: env.LOG_LEVEL,
  }));

export type Env = z.output<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates a raw environment; empty strings count as unset. Throws EnvError naming each bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
  throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
}

/** The process environment, validated. */
export function loadEnv(): Env {
  return parseEnv(process.env);
}
