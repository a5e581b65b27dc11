// What every server CLI starts with: the validated config (a bad value → its message, exit 2) and the database.
import { type Db, openDb } from "../db/client.ts";
import { EnvError, loadEnv } from "../env.ts";

export function openCliDatabase(): { env: ReturnType<typeof loadEnv>; db: Db; close: () => void } {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
  return { env, ...openDb({ url: env.databaseUrl, authToken: env.databaseAuthToken }) };
}
