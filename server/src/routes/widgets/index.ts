// W1–W4 public endpoints the widgets call: the signed status (cached, ETag/304), the JWKS, the VC-JWT,
// the footer-check beacon (W4). CORS for these paths is set in app.ts, before the authorisation middleware.
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { AppError, notFound, validationError, zodFieldErrors } from "../../errors/index.ts";
import { CREDENTIAL_TYP, openBadgeCredential } from "../../program/badges/credential.ts";
import { recordFooterCheck } from "../../program/badges/footer-checks.ts";
import type { BadgeService } from "../../program/badges/service.ts";
import { normaliseHost } from "../public-card/card.ts";
import { createRouter } from "../router.ts";

const STATUS_CACHE_CONTROL = "public, max-age=60, must-revalidate";

/** The host a widget is shown on: the page's Origin, else its Referer (R2.8); null when neither is sent. */
export function placementHost(c: Context): string | null {
  const from = c.req.header("origin") ?? c.req.header("referer");
  if (!from || from === "null") return null;
  try {
    return normaliseHost(new URL(from).hostname) || null;
  } catch {
    return null;
  }
}

const partnerId = z.string().min(1).max(100);

export const FooterCheckSchema = z.object({
  url: z.url().max(2048),
  compliant: z.boolean(),
  problems: z.array(z.string().min(1).max(64)).max(20),
});

export function widgetApiRoutes({ db, badges, clock }: { db: Db; badges: BadgeService; clock: Clock }) {
  return createRouter()
    .get("/public/partners/:partnerId/status", async (c) => {
      const id = partnerId.safeParse(c.req.param("partnerId"));
      if (!id.success)
        throw validationError(zodFieldErrors(id.error).map((e) => ({ ...e, path: "partnerId" })));
      const signed = await badges.status(id.data);
      if (!signed) throw notFound("No partner has this ID. / Партнёр с таким идентификатором не найден.");
      const host = placementHost(c);
      if (host) badges.placements.record(id.data, host, "badge", signed.claim.domains.includes(host));
      c.header("ETag", signed.etag);
      c.header("Cache-Control", STATUS_CACHE_CONTROL);
      c.header("Vary", "Origin");
      if (
        c.req
          .header("if-none-match")
          ?.split(/\s*,\s*/)
          .includes(signed.etag)
      )
        return c.body(null, 304);
      c.header("Content-Type", "application/json");
      return c.body(signed.body, 200);
    })
    .get("/public/partners/:partnerId/credential", async (c) => {
      const signed = await badges.status(c.req.param("partnerId"));
      if (!signed) throw notFound("No partner has this ID. / Партнёр с таким идентификатором не найден.");
      const now = clock.now();
      const issuer = new URL(signed.claim.verifyUrl).origin;
      const { token } = await badges.sign(
        {
          sub: signed.claim.verifyUrl,
          jti: `urn:uuid:${crypto.randomUUID()}`,
          nbf: Math.floor(now.getTime() / 1000),
          vc: openBadgeCredential(signed.claim, {
            issuer,
            issuedAt: now,
            expiresAt: new Date(now.getTime() + 600_000),
          }),
        },
        CREDENTIAL_TYP,
        600,
      );
      c.header("Cache-Control", "no-store");
      c.header("Content-Type", "application/vc+jwt");
      return c.body(token, 200);
    })
    .post(
      "/public/partners/:partnerId/footer-checks",
      bodyLimit({
        maxSize: 8 * 1024,
        onError: () => {
          throw new AppError("validation", "The body is larger than 8 KiB.", [
            { path: "(root)", message: "too large" },
          ]);
        },
      }),
      async (c) => {
        const raw: unknown = await c.req.json().catch(() => {
          throw validationError([{ path: "(root)", message: "the body must be JSON" }]);
        });
        const parsed = FooterCheckSchema.safeParse(raw);
        if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
        const stored = await recordFooterCheck(
          db,
          badges,
          c.req.param("partnerId"),
          parsed.data,
          clock.now(),
        );
        return c.json({ stored }, 202);
      },
    );
}

export function jwksRoutes({ badges }: { badges: BadgeService }) {
  return createRouter().get("/.well-known/jwks.json", async (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json(await badges.jwks());
  });
}
