// The signed status token (the contract with the server): its shape, decoding, ES256 check and host binding.

import type { PartnerClaims, StatusTokenPayload } from "@partner-trust/badge-token";

export type {
  Competency,
  PartnerClaims,
  PartnerStatus,
  StatusTokenPayload,
} from "@partner-trust/badge-token";

export interface DecodedToken {
  kid: string;
  payload: StatusTokenPayload;
  signingInput: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

/** Why a token or its fetch was not accepted; every reason shows "can't verify". */
export type FailReason =
  | "network"
  | "timeout"
  | "http"
  | "malformed"
  | "unknown-key"
  | "signature"
  | "expired"
  | "claims";

export class TokenError extends Error {
  readonly reason: FailReason;
  constructor(reason: FailReason) {
    super(reason);
    this.reason = reason;
  }
}

/** Accepted clock difference between the visitor's computer and the server, in seconds. */
export const CLOCK_SKEW_S = 60;

const STATUSES = new Set<unknown>(["business", "certified", "gold", "none"]);

function b64url(part: string): Uint8Array<ArrayBuffer> {
  if (!/^[\w-]*$/.test(part)) throw new TokenError("malformed");
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function json(part: string): unknown {
  return JSON.parse(new TextDecoder().decode(b64url(part)));
}

const isString = (v: unknown): v is string => typeof v === "string";
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** The fields the widgets read, with the types they rely on (the rest is the server's business). */
function isClaims(p: PartnerClaims | undefined): p is PartnerClaims {
  return (
    !!p &&
    isString(p.name) &&
    STATUSES.has(p.status) &&
    isStrings(p.domains) &&
    /^https?:\/\//.test(`${p.verifyUrl}`) &&
    Array.isArray(p.competencies) &&
    p.competencies.every((c) => isString(c?.id) && isString(c.ru) && isString(c.en))
  );
}

/** Splits and parses a JWS compact token; throws TokenError("malformed") on anything off-contract. */
export function decodeToken(jws: unknown): DecodedToken {
  try {
    const [h, p, s, extra] = `${jws}`.split(".");
    const header = json(h!) as { alg?: unknown; kid?: unknown; typ?: unknown };
    const payload = json(p!) as StatusTokenPayload;
    const signature = b64url(s!);
    if (
      extra === undefined &&
      header.alg === "ES256" &&
      header.typ === "partner-status+jwt" &&
      isString(header.kid) &&
      isString(payload.iss) &&
      isString(payload.sub) &&
      Number.isFinite(payload.iat) &&
      Number.isFinite(payload.exp) &&
      isClaims(payload.partner) &&
      signature.length === 64
    )
      return { kid: header.kid, payload, signingInput: new TextEncoder().encode(`${h}.${p}`), signature };
  } catch {
    // Invalid base64url or JSON: malformed, as below.
  }
  throw new TokenError("malformed");
}

/** ES256 with WebCrypto: JWS signatures are raw r‖s, the format WebCrypto's ECDSA expects. */
export function verifySignature(token: DecodedToken, key: CryptoKey): Promise<boolean> {
  return crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, token.signature, token.signingInput);
}

/** Time and subject checks, after the signature: not expired (with skew), issued for this partner and server. */
export function checkClaims(
  payload: StatusTokenPayload,
  partnerId: string,
  server: string,
  nowS: number,
): void {
  if (payload.exp + CLOCK_SKEW_S <= nowS) throw new TokenError("expired");
  if (
    payload.iat - CLOCK_SKEW_S > nowS ||
    payload.sub !== partnerId ||
    payload.partner.id !== partnerId ||
    payload.iss !== new URL(server).origin
  )
    throw new TokenError("claims");
}

/** Lower-case, punycode, no trailing dot, a leading "www." ignored. */
export function normaliseHost(host: string): string {
  let h = host.toLowerCase().replace(/\.$/, "");
  try {
    h = new URL(`http://${h}/`).hostname;
  } catch {
    return "";
  }
  return h.startsWith("www.") ? h.slice(4) : h;
}

/** Whether the page's host is one of the partner's registered domains (exact match, www. ignored). */
export function hostAllowed(hostname: string, domains: readonly string[]): boolean {
  const host = normaliseHost(hostname);
  return host !== "" && domains.some((d) => normaliseHost(d) === host);
}
