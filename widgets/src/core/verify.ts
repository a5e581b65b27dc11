// One verification for all widgets: fetch the token, check it against the JWKS, bind it to this page's host.
import { keyFor, keySet } from "./keys.ts";
import { statusUrl } from "./server.ts";
import {
  checkClaims,
  decodeToken,
  type FailReason,
  hostAllowed,
  type PartnerClaims,
  TokenError,
  verifySignature,
} from "./token.ts";

export type Verdict =
  /** Signed, current, for this partner, shown on one of its registered domains. */
  | { state: "verified"; partner: PartnerClaims; exp: number }
  /** Genuine token, but this page's host is not one of the partner's domains: the status is not shown. */
  | { state: "unverified-host"; partner: PartnerClaims; exp: number }
  /** Status "none" (terminated, R1.5c), or an id the server does not know (404). */
  | { state: "terminated"; partner?: PartnerClaims; exp?: number }
  | { state: "failed"; reason: FailReason };

export const settings = {
  /** How long to wait for the token and keys before showing "can't verify". */
  timeoutMs: 8000,
};

/** This page's host and, where the browser tells (ancestorOrigins), the hosts of every page framing it:
 * a registered page framed by an unregistered site is not a verified placement on that site. */
function pageHosts(): string[] {
  return [location.hostname, ...Array.from(location.ancestorOrigins ?? [], (o) => new URL(o).hostname)];
}

export async function verifyStatus(server: string, partnerId: string): Promise<Verdict> {
  const signal = AbortSignal.timeout(settings.timeoutMs);
  try {
    keySet(server, signal).catch(() => {}); // its failure is keyFor's to report
    const res = await fetch(statusUrl(server, partnerId), { signal, cache: "no-store" });
    if (res.status === 404) return { state: "terminated" };
    if (!res.ok) throw new TokenError("http");
    const token = decodeToken(((await res.json()) as { token?: unknown }).token);
    const key = await keyFor(server, token.kid, signal);
    if (!(await verifySignature(token, key))) throw new TokenError("signature");
    checkClaims(token.payload, partnerId, server, Date.now() / 1000);
    const { partner, exp } = token.payload;
    if (partner.status === "none") return { state: "terminated", partner, exp };
    if (!pageHosts().every((host) => hostAllowed(host, partner.domains)))
      return { state: "unverified-host", partner, exp };
    return { state: "verified", partner, exp };
  } catch (e) {
    if (e instanceof TokenError) return { state: "failed", reason: e.reason };
    if (signal.aborted) return { state: "failed", reason: "timeout" };
    return { state: "failed", reason: "network" };
  }
}
