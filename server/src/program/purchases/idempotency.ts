// The Idempotency-Key header (IETF draft-ietf-httpapi-idempotency-key-header): the key, and the request's
// fingerprint that tells a retry (same key, same request) from a misuse (same key, another request).
import { createHash } from "node:crypto";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/** A UUID or any opaque token of 16–128 characters; the draft sends it as a quoted string, so quotes are dropped. */
const KEY = /^[A-Za-z0-9._:-]{16,128}$/;

export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const key = raw.trim().replace(/^"(.*)"$/, "$1");
  return KEY.test(key) ? key : undefined;
}

/** SHA-256 of the request's JSON with sorted keys: `{ a: 1, b: 2 }` and `{ b: 2, a: 1 }` are one request. */
export function fingerprint(request: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(request).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
}
