// R5.2, R2.4: the public price list of editions and of what is bought for a license; a signed-in partner user
// also sees its partner's discount and the discounted prices.
import { createRoute, z } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { editions, partnerStatuses, partners, purchaseKinds } from "../../db/schema/index.ts";
import { allPrices, discountFor, partnerPrice } from "../../program/purchases/prices.ts";
import { json } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const Offer = z.object({
  kind: z.enum(purchaseKinds),
  targetEditionCode: z.string().nullable(),
  priceRub: z.number().int().openapi({ description: "End-user price (per unit for extra sites and users)" }),
  partnerPriceRub: z.number().int().optional(),
});

const EditionItem = z
  .object({
    code: z.string(),
    title: z.string(),
    product: z.string(),
    priceRub: z.number().int(),
    sites: z.number().int(),
    discountPercent: z.number().int().optional(),
    partnerPriceRub: z.number().int().optional(),
    offers: z.array(Offer),
  })
  .openapi("CatalogueEdition");

const route = createRoute({
  method: "get",
  path: "/catalogue/editions",
  tags: ["catalogue"],
  summary: "Editions and their prices; a partner user sees its discounted prices (R2.4)",
  request: {
    query: z.object({
      partnerId: z.string().min(1).max(64).optional().openapi({
        description: "Which of the caller's partners to price for (default: the first it is attached to)",
      }),
    }),
  },
  responses: {
    200: json(
      z.object({
        items: z.array(EditionItem),
        partner: z.object({ id: z.string(), name: z.string(), status: z.enum(partnerStatuses) }).nullable(),
      }),
      "Price list",
    ),
    ...problems(422),
  },
});

export function catalogueRoutes({ db }: { db: Db }) {
  return createRouter().openapi(route, async (c) => {
    const principal = c.get("principal");
    const wanted = c.req.valid("query").partnerId;
    const link = principal?.partnerLinks.find(
      (l) => l.invitation === "accepted" && (wanted === undefined || l.partnerId === wanted),
    );
    const [partner] = link
      ? await db
          .select({ id: partners.id, name: partners.name, status: partners.status })
          .from(partners)
          .where(eq(partners.id, link.partnerId))
      : [];
    const rows = await db.select().from(editions).orderBy(asc(editions.rank));
    const prices = await allPrices(db);
    const items = rows.map((e) => {
      const discount = partner ? discountFor(partner.status, e.product) : undefined;
      const priced = (priceRub: number) =>
        discount === undefined ? {} : { partnerPriceRub: partnerPrice(priceRub, discount) };
      return {
        code: e.code,
        title: e.title,
        product: e.product,
        priceRub: e.priceRub,
        sites: e.sites,
        ...(discount === undefined ? {} : { discountPercent: discount }),
        ...priced(e.priceRub),
        offers: prices
          .filter((p) => p.editionCode === e.code)
          .map((p) => ({
            kind: p.kind,
            targetEditionCode: p.targetEditionCode || null,
            priceRub: p.priceRub,
            ...priced(p.priceRub),
          })),
      };
    });
    return c.json({ items, partner: partner ?? null }, 200);
  });
}
