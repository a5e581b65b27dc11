// The server's published keys (JWKS): cached per server, picked by kid, re-fetched once for an unknown kid.
import { jwksUrl } from "./server.ts";
import { TokenError } from "./token.ts";

type KeySet = Map<string, Promise<CryptoKey>>;
const sets = new Map<string, Promise<KeySet>>();

async function fetchKeys(server: string, signal: AbortSignal, reload: boolean): Promise<KeySet> {
  const res = await fetch(jwksUrl(server), {
    signal,
    cache: reload ? "no-store" : "default",
  });
  if (!res.ok) throw new TokenError("http");
  const body = (await res.json()) as { keys?: unknown };
  const keys = new Map<string, Promise<CryptoKey>>();
  for (const k of Array.isArray(body.keys) ? (body.keys as (JsonWebKey & { kid?: unknown })[]) : []) {
    if (typeof k.kid !== "string") continue;
    const { kty, crv, x, y } = k;
    // A key that is not EC P-256 fails to import and so never verifies.
    const key = crypto.subtle.importKey(
      "jwk",
      { kty, crv, x, y },
      { name: "ECDSA", namedCurve: "P-256" },
      false,
      ["verify"],
    );
    key.catch(() => {});
    keys.set(k.kid, key);
  }
  return keys;
}

function load(server: string, signal: AbortSignal, reload: boolean): Promise<KeySet> {
  const p = fetchKeys(server, signal, reload);
  sets.set(server, p);
  p.catch(() => {
    if (sets.get(server) === p) sets.delete(server);
  });
  return p;
}

/** The server's key set, cached or now fetched: started alongside the token's fetch, one round trip for both. */
export const keySet = (server: string, signal: AbortSignal): Promise<KeySet> =>
  sets.get(server) ?? load(server, signal, false);

/** The key with this kid; an unknown kid re-fetches the JWKS once, bypassing caches (key rotation). */
export async function keyFor(server: string, kid: string, signal: AbortSignal): Promise<CryptoKey> {
  let set = await keySet(server, signal);
  if (!set.has(kid)) set = await load(server, signal, true);
  const key = set.get(kid);
  if (!key) throw new TokenError("unknown-key");
  return key.catch(() => {
    throw new TokenError("unknown-key");
  });
}

/** Forgets every cached key set (tests). */
export function clearKeyCache(): void {
  sets.clear();
}
