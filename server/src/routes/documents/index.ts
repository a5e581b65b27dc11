// R2.5: the partner certificate and the authorization letter as PDFs, for the partner's cabinet users and staff.
// Rendered once per status claim (cached by its hash, which is also the ETag): a status change gives a new one.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { conflict, noSuchPartner } from "../../errors/index.ts";
import type { BadgeService } from "../../program/badges/service.ts";
import { createDocumentCache } from "../../program/documents/cache.ts";
import { renderCertificate } from "../../program/documents/certificate.ts";
import {
  type DocumentClaim,
  documentClaim,
  documentKey,
  letterFacts,
} from "../../program/documents/claim.ts";
import { renderAuthorizationLetter } from "../../program/documents/letter.ts";
import type { AppEnv } from "../../types.ts";
import { partnerParams } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const pdf = {
  description: "The PDF (ETag: a new one when the status changes)",
  content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
};

const certificate = createRoute({
  method: "get",
  path: "/partners/{partnerId}/documents/certificate.pdf",
  security: [{ session: [] }],
  tags: ["documents"],
  summary: "The partner certificate: name, status and its dates, verification URL and QR code (R2.5)",
  request: { params: partnerParams },
  responses: { 200: pdf, 304: { description: "Not modified" }, ...problems(401, 403, 404, 409) },
});

const letter = createRoute({
  method: "get",
  path: "/partners/{partnerId}/documents/authorization-letter.pdf",
  security: [{ session: [] }],
  tags: ["documents"],
  summary: "The authorization letter to sell the editions, once the contract is concluded (R2.5)",
  request: { params: partnerParams },
  responses: { 200: pdf, 304: { description: "Not modified" }, ...problems(401, 403, 404, 409) },
});

export function documentRoutes({ db, badges, clock }: { db: Db; badges: BadgeService; clock: Clock }) {
  const cache = createDocumentCache();

  /** R1.5c: a terminated partner has no documents. */
  async function liveClaim(partnerId: string): Promise<DocumentClaim> {
    const claim = await documentClaim(badges, partnerId);
    if (!claim) throw noSuchPartner();
    if (claim.status === "none")
      throw conflict("Партнёрство прекращено: документов нет. / The partnership has ended: no documents.");
    return claim;
  }

  function send(c: Context<AppEnv>, key: string, file: string, render: () => Promise<Uint8Array>) {
    const etag = `"${key}"`;
    c.header("ETag", etag);
    // Revalidated on every use: the status may change at any moment.
    c.header("Cache-Control", "private, no-cache");
    if (
      c.req
        .header("if-none-match")
        ?.split(/\s*,\s*/)
        .includes(etag)
    )
      return c.body(null, 304);
    return cache.get(key, render).then((bytes) => {
      c.header("Content-Type", "application/pdf");
      c.header("Content-Disposition", `inline; filename="${file}"`);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
    });
  }

  return createRouter()
    .openapi(certificate, async (c) => {
      const claim = await liveClaim(c.req.valid("param").partnerId);
      const key = documentKey("certificate", claim);
      return send(c, key, "certificate.pdf", () => renderCertificate(claim, clock.now()));
    })
    .openapi(letter, async (c) => {
      const claim = await liveClaim(c.req.valid("param").partnerId);
      const facts = await letterFacts(db, claim.id);
      if (!facts) throw conflict("Договор ещё не заключён. / No contract has been concluded yet.");
      const key = documentKey("authorization-letter", claim, facts);
      return send(c, key, "authorization-letter.pdf", () =>
        renderAuthorizationLetter(claim, facts, clock.now()),
      );
    });
}
