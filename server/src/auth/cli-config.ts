// Entry for the better-auth CLI only (`pnpm auth:generate`): writes src/db/schema/auth.ts.
import { drizzle } from "drizzle-orm/libsql";
import { createAuth } from "./auth.ts";

export const auth = createAuth({
  db: drizzle({ connection: { url: ":memory:" } }) as never,
  secret: "cli-only-secret-cli-only-secret-00",
  baseURL: "http://localhost:8787",
});
