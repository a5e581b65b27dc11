// GET /api/v1/public/partners/{partnerId}/card: the public card data of the last approved version — what
// anyone can read in the directory; `pnpm audit-site --partner <id>` loads it for A2.
import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../../db/client.ts";
import { notFound } from "../../errors/index.ts";
import { createRouter, problems } from "../router.ts";
import { approvedCard } from "./card.ts";

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
  request: { params: z.object({ partnerId: z.string().min(1).max(100) }) },
  responses: {
    200: { description: "The card", content: { "application/json": { schema: PublicCardSchema } } },
    ...problems(404, 422),
  },
});

export function publicCardRoutes({ db }: { db: Db }) {
  return createRouter().openapi(route, async (c) => {
    const { partnerId } = c.req.valid("param");
    const card = await approvedCard(db, partnerId);
    if (!card) throw notFound("No partner with an approved card has this ID.");
    return c.json(card, 200);
  });
}
