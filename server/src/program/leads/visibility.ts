// R7.1b, R7.3: which published leads a partner sees — the engine's `leadAccess` for open leads; a lead taken
// on a phone day is its partner's alone.
import { type LeadAccess, leadAccess } from "@partner-trust/rules";
import { and, desc, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { leads, proposals } from "../../db/schema/index.ts";
import { cityKey } from "../cities/normalize.ts";
import type { Lead } from "./leads.ts";
import type { LeadPartner } from "./partners.ts";

export type Visibility = LeadAccess | "assigned";

export function visibility(
  partner: LeadPartner,
  lead: Pick<Lead, "assignedPartnerId" | "cityKey" | "city">,
): Visibility {
  if (lead.assignedPartnerId) return lead.assignedPartnerId === partner.id ? "assigned" : "none";
  // Rows written without a key (before the key existed) are keyed from their city here.
  return leadAccess(partner.status, partner.cityKey, lead.cityKey || cityKey(lead.city));
}

/** The published leads the partner may see, newest first, with its own proposal if it sent one. */
export async function leadsVisibleTo(db: Db, partner: LeadPartner) {
  if (partner.status === "none") return [];
  const open = isNull(leads.assignedPartnerId);
  // A prefilter only; `visibility` decides.
  const scope =
    partner.status === "gold"
      ? or(open, eq(leads.assignedPartnerId, partner.id))
      : or(
          and(open, or(eq(leads.cityKey, partner.cityKey), eq(leads.cityKey, ""))),
          eq(leads.assignedPartnerId, partner.id),
        );
  const rows = await db
    .select({ lead: leads, proposal: proposals })
    .from(leads)
    .leftJoin(proposals, and(eq(proposals.leadId, leads.id), eq(proposals.partnerId, partner.id)))
    .where(and(eq(leads.state, "published"), scope))
    .orderBy(desc(leads.publishedAt));
  return rows.map((r) => ({ ...r, access: visibility(partner, r.lead) })).filter((r) => r.access !== "none");
}
