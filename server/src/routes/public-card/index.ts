// GET /api/v1/public/partners/{partnerId}/card: the public card data of the last approved version — what
// anyone can read in the directory; `pnpm audit-site --partner <id>` loads it for A2.
import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../../db/client.ts";
import { notFound } from "../../errors/index.ts";
import { approvedLogo } from "../../program/cards/logos.ts";
import { json, partnerParams } from "../params.ts";
import { createRouter, problems } from "../router.ts";
import { approvedCard } from "./card.ts";
import { logoResponse } from "./logo.ts";

export const PublicCardSchema = z
  .object({
    name: z.string(),
    phones: z.array(z.string()),
    emails: z.array(z.string()),
    addresses: z.array(z.string()),
    domains: z.array(z.string()),
  })
  .openapi("PublicCard");

const route = createRoute({
  method: "get",
  path: "/public/partners/{partnerId}/card",
  tags: ["directory"],
  summary: "A partner's public card (last approved version)",
  request: { params: partnerParams },
  responses: {
    200: json(PublicCardSchema, "The card"),
    ...problems(404, 422),
  },
});

const logoRoute = createRoute({
  method: "get",
  path: "/public/partners/{partnerId}/logo",
  tags: ["directory"],
  summary: "The logo of the partner's last approved card version (ETag, nosniff)",
  request: { params: partnerParams },
  responses: {
    200: {
      description: "The image (PNG, JPEG or WebP)",
      content: { "image/png": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
    },
    304: { description: "Not modified (If-None-Match)" },
    ...problems(404, 422),
  },
});

export function publicCardRoutes({ db }: { db: Db }) {
  return createRouter()
    .openapi(route, async (c) => {
      const { partnerId } = c.req.valid("param");
      const card = await approvedCard(db, partnerId);
      if (!card) throw notFound("No partner with an approved card has this ID.");
      return c.json(card, 200);
    })
    .openapi(logoRoute, async (c) => {
      const logo = await approvedLogo(db, c.req.valid("param").partnerId);
      if (!logo) throw notFound("This partner has no approved logo.");
      // Short shared cache, then revalidation by ETag: an approval changes the logo at once (R1.4c).
      return logoResponse(c, logo, "public, max-age=300, must-revalidate") as never;
    });
}
