// W1: the ES256 keys that sign partner statuses — generated on first start, private JWK encrypted at rest
// (AES-256-GCM, key derived from the server secret with HKDF), rotated by `pnpm rotate-keys`.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { and, asc, gt, inArray, isNull, or } from "drizzle-orm";
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from "jose";
import type { Db } from "../../db/client.ts";
import { signingKeys } from "../../db/schema/index.ts";

/** Token lifetime (seconds); a retired key stays published this long plus a margin after it last signed. */
export const TOKEN_TTL_S = 600;
const PUBLISH_MARGIN_MS = 5 * 60_000;

export type PublicJwk = JWK & { kid: string; alg: "ES256"; use: "sig" };
export type ActiveKey = { kid: string; privateKey: CryptoKey };
export type KeyRing = { active: ActiveKey; jwks: { keys: PublicJwk[] } };

function aesKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "partner-trust", "signing-keys v1", 32));
}

export function encryptJwk(jwk: JWK, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", aesKey(secret), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(jwk), "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptJwk(text: string, secret: string): JWK {
  const [v, iv, tag, data] = text.split(".");
  if (v !== "v1" || !iv || !tag || !data) throw new Error("signing key: unknown encryption format");
  const decipher = createDecipheriv("aes-256-gcm", aesKey(secret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
  return JSON.parse(plain.toString("utf8")) as JWK;
}

async function newKeyRow(secret: string, now: Date) {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const pub = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(pub);
  const publicJwk: PublicJwk = { ...pub, kid, alg: "ES256", use: "sig" };
  return {
    kid,
    publicJwk: publicJwk as unknown as Record<string, string>,
    privateJwkEncrypted: encryptJwk(await exportJWK(privateKey), secret),
    createdAt: now,
  };
}

/** Keys that sign (not retired) or are still published; the oldest non-retired one signs. */
async function readKeys(db: Db, now: Date) {
  return db
    .select()
    .from(signingKeys)
    .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.publishedUntil, now)))
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.kid));
}

/** The key ring: creates the first key if there is none (several instances: the oldest wins). */
export async function loadKeyRing(db: Db, secret: string, now: Date): Promise<KeyRing> {
  let rows = await readKeys(db, now);
  if (!rows.some((r) => r.retiredAt === null)) {
    await db.insert(signingKeys).values(await newKeyRow(secret, now));
    rows = await readKeys(db, now);
  }
  const activeRow = rows.find((r) => r.retiredAt === null)!;
  const privateKey = (await importJWK(
    decryptJwk(activeRow.privateJwkEncrypted, secret),
    "ES256",
  )) as CryptoKey;
  return {
    active: { kid: activeRow.kid, privateKey },
    jwks: { keys: rows.map((r) => r.publicJwk as unknown as PublicJwk) },
  };
}

/**
 * Rotation: a new key is published and signs from now on; every current key is retired and stays in the
 * JWKS until the last token it may have signed has expired (instances reload their ring within a minute).
 */
export async function rotateKeys(
  db: Db,
  secret: string,
  now: Date,
): Promise<{ kid: string; retired: string[] }> {
  const fresh = await newKeyRow(secret, now);
  const current = await db
    .select({ kid: signingKeys.kid })
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt));
  const publishedUntil = new Date(now.getTime() + TOKEN_TTL_S * 1000 + RING_TTL_MS + PUBLISH_MARGIN_MS);
  const kids = current.map((c) => c.kid);
  await db.batch([
    db.insert(signingKeys).values(fresh),
    db
      .update(signingKeys)
      .set({ retiredAt: now, publishedUntil })
      .where(and(isNull(signingKeys.retiredAt), inArray(signingKeys.kid, kids.length ? kids : [""]))),
  ]);
  return { kid: fresh.kid, retired: current.map((c) => c.kid) };
}

/** How long an instance keeps its key ring before reading it again (picks up another instance's rotation). */
export const RING_TTL_MS = 60_000;
