// R7.1a, R7.1e: moderators publish or reject leads (logged; publication pushes the lead, R7.1b) and see
// the proposals flagged for naming a competing platform.
import { createRoute, z } from "@hono/zod-openapi";
import type { Auth } from "../../auth/auth.ts";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { flaggedProposals } from "../../program/leads/flagged.ts";
import { decideLead, leadView, pendingLeads } from "../../program/leads/leads.ts";
import { json, jsonBody, refusalReason, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";
import { LeadSchema, leadParam } from "./schemas.ts";

const PendingLead = LeadSchema.extend({
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  signedIn: z.boolean(),
}).openapi("PendingLead");

const queue = createRoute({
  method: "get",
  path: "/moderation/leads",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Leads awaiting moderation, oldest first",
  responses: { 200: json(z.object({ items: z.array(PendingLead) })), ...problems(401, 403) },
});
const decide = createRoute({
  method: "post",
  path: "/moderation/leads/{leadId}/decide",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Publish (pushed to eligible partners, R7.1b) or reject (reason required) a lead",
  request: {
    params: leadParam,
    ...jsonBody(z.object({ publish: z.boolean(), reason: z.string().trim().min(1).max(2000).optional() })),
  },
  responses: {
    200: json(
      z.object({ id: z.string(), state: z.enum(["published", "rejected"]), pushedTo: z.array(z.string()) }),
    ),
    ...problems(401, 403, 404, 409, 422),
  },
});
const flagged = createRoute({
  method: "get",
  path: "/moderation/proposals",
  security: [{ session: [] }],
  tags: ["moderation"],
  summary: "Proposals naming a competing platform (R7.1e)",
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            leadId: z.string(),
            leadCity: z.string(),
            partnerId: z.string(),
            partnerName: z.string(),
            senderUserId: z.string(),
            text: z.string(),
            platforms: z.array(z.string()),
            sentAt: z.string(),
          }),
        ),
      }),
    ),
    ...problems(401, 403),
  },
});

export function leadModerationRoutes({
  db,
  clock,
  auth,
  publicUrl,
}: {
  db: Db;
  clock: Clock;
  auth: Auth;
  publicUrl: string;
}) {
  return createRouter()
    .openapi(queue, async (c) => {
      const items = (await pendingLeads(db)).map((l) => ({
        ...leadView(l),
        publishedAt: null,
        contactName: l.contactName,
        contactEmail: l.contactEmail,
        contactPhone: l.contactPhone,
        signedIn: l.clientUserId !== null,
      }));
      return c.json({ items }, 200);
    })
    .openapi(decide, async (c) => {
      const p = signedIn(c.get("principal"));
      const { publish, reason } = c.req.valid("json");
      const ctx = { clock, publicUrl, secret: (await auth.$context).secret };
      const result = await decideLead(
        db,
        c.req.valid("param").leadId,
        { publish, reason: refusalReason(publish, reason), actorUserId: p.userId },
        ctx,
      );
      return c.json(result, 200);
    })
    .openapi(flagged, async (c) => c.json({ items: await flaggedProposals(db) }, 200));
}
