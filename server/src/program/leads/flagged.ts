// R7.1e: proposals naming a competing platform, for moderators (newest first).
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { leads, partners, proposals } from "../../db/schema/index.ts";

export async function flaggedProposals(db: Db) {
  const rows = await db
    .select({ p: proposals, partnerName: partners.name, city: leads.city })
    .from(proposals)
    .innerJoin(partners, eq(partners.id, proposals.partnerId))
    .innerJoin(leads, eq(leads.id, proposals.leadId))
    .where(eq(proposals.flagged, true))
    .orderBy(desc(proposals.sentAt));
  return rows.map(({ p, partnerName, city }) => ({
    id: p.id,
    leadId: p.leadId,
    leadCity: city,
    partnerId: p.partnerId,
    partnerName,
    senderUserId: p.senderUserId,
    text: p.text,
    platforms: p.flaggedTerms ?? [],
    sentAt: p.sentAt.toISOString(),
  }));
}
