// `pnpm rotate-keys`: W1 key rotation on DATABASE_URL — a new ES256 key signs from now on; the old ones stay
// in the JWKS until every token they signed has expired (running instances pick the new key up within a
// minute). Prints the new kid and the retired ones as JSON; exit 1 on a database error, 2 on bad config.
import { systemClock } from "../clock.ts";
import { applyMigrations } from "../db/client.ts";
import { loadKeyRing, rotateKeys } from "../program/badges/keys.ts";
import { openCliDatabase } from "./database.ts";

const { env, db, close } = openCliDatabase();
try {
  await applyMigrations(db);
  // A database without a key gets its first one, then it is rotated like any other.
  await loadKeyRing(db, env.signingSecret, systemClock.now());
  const rotated = await rotateKeys(db, env.signingSecret, systemClock.now());
  const ring = await loadKeyRing(db, env.signingSecret, systemClock.now());
  console.log(JSON.stringify({ ...rotated, published: ring.jwks.keys.map((k) => k.kid) }, null, 2));
  close();
} catch (err) {
  console.error(`rotate-keys: ${err instanceof Error ? err.message : String(err)}`);
  close();
  process.exit(1);
}
