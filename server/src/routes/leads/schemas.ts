// Request and response shapes of the leads routes (R7.1).
import { z } from "@hono/zod-openapi";
import { pathId } from "../params.ts";

export const LeadInputSchema = z
  .object({
    description: z.string().trim().min(10).max(5000),
    budgetRub: z.number().int().min(0).max(1_000_000_000).optional(),
    contactName: z.string().trim().min(1).max(200),
    contactEmail: z.email().max(320),
    contactPhone: z.string().trim().min(5).max(40).optional(),
    extraContacts: z.string().trim().max(1000).optional(),
    city: z.string().trim().min(2).max(100),
    maxProposals: z.number().int().min(1).max(20),
  })
  .openapi("LeadInput");

export const LeadSchema = z
  .object({
    id: z.string(),
    description: z.string(),
    budgetRub: z.number().nullable(),
    city: z.string(),
    maxProposals: z.number(),
    proposalCount: z.number(),
    state: z.string(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi("Lead");

export const ContactsSchema = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  extra: z.string().nullable(),
});

export const PartnerLeadSchema = LeadSchema.extend({
  access: z.enum(["pushed", "browse", "assigned"]),
  open: z.boolean(),
  proposal: z
    .object({ id: z.string(), text: z.string(), sentAt: z.string(), flagged: z.boolean() })
    .nullable(),
  contacts: ContactsSchema.nullable(),
}).openapi("PartnerLead");

export const ProposalResultSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    partnerId: z.string(),
    flagged: z.boolean(),
    sentAt: z.string(),
    contacts: ContactsSchema,
  })
  .openapi("ProposalSent");

export const ClientLeadSchema = LeadSchema.extend({
  moderatorNote: z.string().nullable(),
  proposals: z.array(
    z.object({
      id: z.string(),
      partnerId: z.string(),
      partnerName: z.string(),
      partnerEmail: z.string().nullable(),
      partnerPhone: z.string().nullable(),
      partnerWebsite: z.string().nullable(),
      text: z.string(),
      sentAt: z.string(),
    }),
  ),
}).openapi("ClientLead");

export const leadParam = z.object({ leadId: pathId("leadId") });
