// R7.1a: the anonymous client's confirmation token: the lead id and an expiry, signed (HMAC-SHA-256) with
// the server secret. Single use: confirming moves the lead out of `unconfirmed` once, conditionally.
import { createHmac, timingSafeEqual } from "node:crypto";

export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000;

const mac = (secret: string, payload: string) =>
  createHmac("sha256", `lead-confirmation:${secret}`).update(payload).digest("base64url");

export function signLeadToken(secret: string, leadId: string, expiresAt: Date): string {
  const payload = `${leadId}.${expiresAt.getTime().toString(36)}`;
  return `${payload}.${mac(secret, payload)}`;
}

export type TokenCheck = { ok: true; leadId: string } | { ok: false; reason: "invalid" | "expired" };

export function verifyLeadToken(secret: string, token: string, now: Date): TokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "invalid" };
  const [leadId, exp, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(secret, `${leadId}.${exp}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "invalid" };
  if (Number.parseInt(exp, 36) < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, leadId };
}
