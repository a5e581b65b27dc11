import { describe, expect, it } from "vitest";
import { defaultDatabaseUrl, parseEnv } from "./env.ts";

describe("env", () => {
  it("defaults: port 8787, a file database under .data/, a dev secret", () => {
    const env = parseEnv({});
    expect(env.port).toBe(8787);
    expect(env.databaseUrl).toBe(defaultDatabaseUrl);
    expect(env.databaseUrl).toMatch(/^file:.*\/\.data\/partner-trust\.db$/);
    expect(env.publicUrl).toBe("http://localhost:8787");
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(env.smtpUrl).toBeUndefined();
  });

  it("PORT overrides; empty values count as unset", () => {
    expect(parseEnv({ PORT: "9000", SMTP_URL: "" }).port).toBe(9000);
    expect(parseEnv({ PORT: "9000" }).publicUrl).toBe("http://localhost:9000");
  });

  it("accepts libsql:// and http:// database URLs with a token", () => {
    const env = parseEnv({ DATABASE_URL: "libsql://db.turso.io", DATABASE_AUTH_TOKEN: "t" });
    expect(env).toMatchObject({ databaseUrl: "libsql://db.turso.io", databaseAuthToken: "t" });
    expect(parseEnv({ DATABASE_URL: "http://127.0.0.1:8080" }).databaseUrl).toBe("http://127.0.0.1:8080");
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "postgres://x" }, "DATABASE_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ SMTP_URL: "mail.example.ru" }, "SMTP_URL"],
    [{ PUBLIC_URL: "not a url" }, "PUBLIC_URL"],
    [{ BETTER_AUTH_SECRET: "short" }, "BETTER_AUTH_SECRET"],
  ])("a bad value names the variable: %o", (raw, name) => {
    expect(() => parseEnv(raw)).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it("production needs a real secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /BETTER_AUTH_SECRET: is required in production/,
    );
    const env = parseEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: "x".repeat(40) });
    expect(env).toMatchObject({ production: true, authSecret: "x".repeat(40) });
  });
});
