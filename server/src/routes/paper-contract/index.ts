// R1.3: POST /api/v1/partners/{partnerId}/paper-contract — a moderator records the paper contract's
// receipt date; logged in the moderation log.
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { type Clock, moscowMidnight } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { moderationLog, partners } from "../../db/schema/index.ts";
import { noSuchPartner } from "../../errors/index.ts";
import { json, jsonBody, partnerParams, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const route = createRoute({
  method: "post",
  path: "/partners/{partnerId}/paper-contract",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Record the paper contract's receipt (R1.3)",
  request: {
    params: partnerParams,
    ...jsonBody(z.object({ receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD") })),
  },
  responses: {
    200: json(z.object({ paperContractOn: z.string() }), "Recorded"),
    ...problems(401, 403, 404, 422),
  },
});

export function paperContractRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter().openapi(route, async (c) => {
    const p = signedIn(c.get("principal"));
    const { partnerId } = c.req.valid("param");
    const { receivedOn } = c.req.valid("json");
    const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
    if (!partner) throw noSuchPartner();
    await db.batch([
      db
        .update(partners)
        .set({ paperContractAt: moscowMidnight(receivedOn) })
        .where(eq(partners.id, partnerId)),
      db.insert(moderationLog).values({
        actorUserId: p.userId,
        at: clock.now(),
        action: "partner.paper_contract",
        targetType: "partner",
        targetId: partnerId,
        reason: `received ${receivedOn}`,
      }),
    ]);
    return c.json({ paperContractOn: receivedOn }, 200);
  });
}
