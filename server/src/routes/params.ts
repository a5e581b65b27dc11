// What every route file shares: path ids (one validation for all, so the shared validation test checks them),
// the partner parameter the policy binds, the JSON request/response entries, and the signed-in caller.
import { z } from "@hono/zod-openapi";
import type { Principal } from "../auth/principal.ts";
import type { Clock } from "../clock.ts";
import { unauthenticated, validationError } from "../errors/index.ts";

/** An id in the path: non-empty, at most 100 characters (UUIDs and the seed's ids); longer is a 422. */
export const pathId = (name: string) =>
  z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name, in: "path" } });

/** `{partnerId}` of the partner routes (`/partners/{partnerId}/…`); `.extend({ x: pathId("x") })` for more. */
export const partnerParams = z.object({ partnerId: pathId("partnerId") });

/** A JSON response entry. */
export const json = <T extends z.ZodType>(schema: T, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});

/** A JSON response entry whose shape the document leaves open (`z.any()`). */
export const anyJson = (description: string) => json(z.any(), description);

/** A required JSON request body: spread into `request` (`request: { params, ...jsonBody(Input) }`). */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

/** The signed-in caller (the policy admitted it); 401 when there is none. */
export function signedIn<P = Principal>(p: P | null | undefined): P {
  if (!p) throw unauthenticated();
  return p;
}

/** The signed-in caller as the actor of a write at the clock's now. */
export const actorAt = (p: Principal | null | undefined, clock: Clock) => ({
  userId: signedIn(p).userId,
  now: clock.now(),
});

/** A moderator's refusal needs a reason (422 naming `reason`); an approval may have one. */
export function refusalReason(approved: boolean, reason: string | undefined): string | null {
  if (!approved && !reason)
    throw validationError([
      { path: "reason", message: "Укажите причину отказа / A rejection needs a reason" },
    ]);
  return reason ?? null;
}
