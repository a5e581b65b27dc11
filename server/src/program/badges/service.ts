// W1: signed statuses served from memory. One entry per partner, dropped THE MOMENT the partner changes
// (program/status/events) and bounded by a short TTL (another instance's change shows within it); tokens
// are renewed well before they expire. The key ring is re-read every minute (rotation on another instance).
import { createHash } from "node:crypto";
import type { PartnerClaims } from "@partner-trust/badge-token";
import { SignJWT } from "jose";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { onPartnerChanged } from "../status/events.ts";
import { type KeyRing, loadKeyRing, RING_TTL_MS, rotateKeys, TOKEN_TTL_S } from "./keys.ts";
import { createPlacementRecorder } from "./placements.ts";
import { partnerStatusClaim } from "./status.ts";

export const STATUS_TYP = "partner-status+jwt";
/** How long an instance serves a cached token before re-reading the partner (multi-instance bound). */
export const STATUS_CACHE_TTL_MS = 60_000;
/** A token is renewed this long before its expiry, whatever the TTL above. */
const RENEW_BEFORE_EXP_MS = 2 * 60_000;

export type SignedStatus = {
  token: string;
  body: string;
  etag: string;
  claim: PartnerClaims;
  freshUntil: number;
  /** When the status was read from the database and signed. */
  issuedAt: Date;
};

export type BadgeServiceOptions = { db: Db; secret: string; clock: Clock; publicUrl: string };

export function createBadgeService({ db, secret, clock, publicUrl }: BadgeServiceOptions) {
  const cache = new Map<string, SignedStatus>();
  const building = new Map<string, Promise<SignedStatus | null>>();
  // Bumped on every invalidation so a build that started before it is not cached after it.
  let generation = 0;
  let ring: { value: Promise<KeyRing>; loadedAt: number } | undefined;

  const unsubscribe = onPartnerChanged(db, (ids) => {
    generation++;
    if (ids === "all") {
      cache.clear();
      building.clear();
    } else
      for (const id of ids) {
        cache.delete(id);
        building.delete(id);
      }
  });

  function keyRing(): Promise<KeyRing> {
    const now = clock.now().getTime();
    if (!ring || now - ring.loadedAt > RING_TTL_MS) {
      const value = loadKeyRing(db, secret, clock.now());
      ring = { value, loadedAt: now };
      value.catch(() => {
        if (ring?.value === value) ring = undefined;
      });
    }
    return ring.value;
  }

  async function sign(payload: Record<string, unknown>, typ: string, ttlS: number) {
    const { active } = await keyRing();
    const iat = Math.floor(clock.now().getTime() / 1000);
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: "ES256", kid: active.kid, typ })
      .setIssuer(publicUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlS);
    return { token: await jwt.sign(active.privateKey), iat, exp: iat + ttlS };
  }

  async function build(partnerId: string): Promise<SignedStatus | null> {
    const claim = await partnerStatusClaim(db, partnerId, { clock, publicUrl });
    if (!claim) return null;
    const { token, iat, exp } = await sign({ sub: partnerId, partner: claim }, STATUS_TYP, TOKEN_TTL_S);
    const body = JSON.stringify({ token });
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    const freshUntil = Math.min(
      clock.now().getTime() + STATUS_CACHE_TTL_MS,
      exp * 1000 - RENEW_BEFORE_EXP_MS,
    );
    return { token, body, etag, claim, freshUntil, issuedAt: new Date(iat * 1000) };
  }

  const placements = createPlacementRecorder({ db, clock });

  return {
    /** The signed status of a partner (cached), or null for an unknown partner. */
    async status(partnerId: string): Promise<SignedStatus | null> {
      const hit = cache.get(partnerId);
      if (hit && clock.now().getTime() < hit.freshUntil) return hit;
      let pending = building.get(partnerId);
      if (!pending) {
        const gen = generation;
        const started = build(partnerId);
        pending = started;
        building.set(partnerId, started);
        started.then(
          (signed) => {
            if (signed && gen === generation) cache.set(partnerId, signed);
            if (building.get(partnerId) === started) building.delete(partnerId);
          },
          () => {
            if (building.get(partnerId) === started) building.delete(partnerId);
          },
        );
      }
      return pending;
    },
    /** Signs any payload with the current key (the VC-JWT). */
    sign,
    async jwks() {
      return (await keyRing()).jwks;
    },
    /** Rotates the keys in the database and reloads this instance's ring (tokens re-signed on next request). */
    async rotate() {
      const result = await rotateKeys(db, secret, clock.now());
      ring = undefined;
      cache.clear();
      generation++;
      return result;
    },
    placements,
    async close() {
      unsubscribe();
      await placements.close();
    },
  };
}

export type BadgeService = ReturnType<typeof createBadgeService>;
