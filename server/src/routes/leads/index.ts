// R7.1: clients post leads (signed in, or anonymous with an e-mail confirmation) and see the proposals;
// partners' employees with the leads right (R4E.7) see the leads R7.1b opens to them and send proposals.
import { createRoute, z } from "@hono/zod-openapi";
import type { Auth } from "../../auth/auth.ts";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { noSuchPartner } from "../../errors/index.ts";
import { clientLeads } from "../../program/leads/client.ts";
import { confirmLead, leadView, postLead } from "../../program/leads/leads.ts";
import { leadPartner } from "../../program/leads/partners.ts";
import { sendProposal } from "../../program/leads/proposals.ts";
import { leadsVisibleTo } from "../../program/leads/visibility.ts";
import { json, jsonBody, partnerParams, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";
import {
  ClientLeadSchema,
  LeadInputSchema,
  leadParam,
  PartnerLeadSchema,
  ProposalResultSchema,
} from "./schemas.ts";

export type LeadDeps = { db: Db; clock: Clock; auth: Auth; publicUrl: string };

const posted = z.object({ id: z.string(), state: z.enum(["unconfirmed", "pending"]), city: z.string() });

const post = createRoute({
  method: "post",
  path: "/leads",
  tags: ["leads"],
  summary: "Post a lead (R7.1a): signed in → moderation; anonymous → a confirmation e-mail first",
  request: jsonBody(LeadInputSchema),
  responses: { 201: json(posted, "Posted"), ...problems(422) },
});
const confirm = createRoute({
  method: "post",
  path: "/leads/confirm",
  tags: ["leads"],
  summary: "Confirm an anonymous lead with the e-mailed token (single use, 48 h)",
  request: jsonBody(z.object({ token: z.string().min(10).max(500) })),
  responses: {
    200: json(z.object({ id: z.string(), state: z.literal("pending") }), "Confirmed"),
    ...problems(404, 409, 422),
  },
});
const mine = createRoute({
  method: "get",
  path: "/me/leads",
  security: [{ session: [] }],
  tags: ["leads"],
  summary: "The client's leads with the partners' proposals (R7.1c)",
  responses: { 200: json(z.object({ items: z.array(ClientLeadSchema) })), ...problems(401) },
});
const forPartner = createRoute({
  method: "get",
  path: "/partners/{partnerId}/leads",
  security: [{ session: [] }],
  tags: ["leads"],
  summary: "Leads the partner may see (R7.1b); contacts once it has proposed (R7.1c)",
  request: { params: partnerParams },
  responses: { 200: json(z.object({ items: z.array(PartnerLeadSchema) })), ...problems(401, 403, 404) },
});
const propose = createRoute({
  method: "post",
  path: "/partners/{partnerId}/leads/{leadId}/proposals",
  security: [{ session: [] }],
  tags: ["leads"],
  summary: "Send a proposal (R7.1c); 409 once the client's cap is reached (R7.1d) or already sent",
  request: {
    params: partnerParams.extend(leadParam.shape),
    ...jsonBody(z.object({ text: z.string().trim().min(10).max(5000) })),
  },
  responses: { 201: json(ProposalResultSchema, "Sent"), ...problems(401, 403, 404, 409, 422) },
});

export function leadRoutes({ db, clock, auth, publicUrl }: LeadDeps) {
  const ctx = async () => ({ clock, publicUrl, secret: (await auth.$context).secret });
  return createRouter()
    .openapi(post, async (c) => {
      const principal = c.get("principal");
      return c.json(await postLead(db, c.req.valid("json"), principal?.userId ?? null, await ctx()), 201);
    })
    .openapi(confirm, async (c) => c.json(await confirmLead(db, c.req.valid("json").token, await ctx()), 200))
    .openapi(mine, async (c) => {
      const p = signedIn(c.get("principal"));
      return c.json({ items: await clientLeads(db, p.userId) }, 200);
    })
    .openapi(forPartner, async (c) => {
      const { partnerId } = c.req.valid("param");
      const partner = await leadPartner(db, partnerId);
      if (!partner) throw noSuchPartner();
      const rows = await leadsVisibleTo(db, partner);
      const items = rows
        .filter((r) => r.proposal || r.lead.proposalCount < r.lead.maxProposals)
        .map(({ lead, proposal, access }) => ({
          ...leadView(lead),
          access: access as "pushed" | "browse" | "assigned",
          open: !proposal && lead.proposalCount < lead.maxProposals,
          proposal: proposal
            ? {
                id: proposal.id,
                text: proposal.text,
                sentAt: proposal.sentAt.toISOString(),
                flagged: proposal.flagged,
              }
            : null,
          // R7.1c: the client's contacts only after this partner has sent its proposal.
          contacts: proposal
            ? {
                name: lead.contactName,
                email: lead.contactEmail,
                phone: lead.contactPhone,
                extra: lead.extraContacts,
              }
            : null,
        }));
      return c.json({ items }, 200);
    })
    .openapi(propose, async (c) => {
      const p = signedIn(c.get("principal"));
      const { partnerId, leadId } = c.req.valid("param");
      const sent = await sendProposal(
        db,
        { leadId, partnerId, senderUserId: p.userId, text: c.req.valid("json").text },
        { clock },
      );
      return c.json(sent, 201);
    });
}
