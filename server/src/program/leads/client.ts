// R7.1c: the client's own leads with the proposals partners sent (GET /me/leads).
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { leads, proposals } from "../../db/schema/index.ts";
import { leadView } from "./leads.ts";
import { leadPartners, partnersIn } from "./partners.ts";

export async function clientLeads(db: Db, clientUserId: string) {
  const own = await db
    .select()
    .from(leads)
    .where(eq(leads.clientUserId, clientUserId))
    .orderBy(desc(leads.createdAt));
  const sent = own.length
    ? await db
        .select()
        .from(proposals)
        .where(
          inArray(
            proposals.leadId,
            own.map((l) => l.id),
          ),
        )
        .orderBy(asc(proposals.sentAt))
    : [];
  const partnerIds = [...new Set(sent.map((p) => p.partnerId))];
  const partners = new Map(
    (partnerIds.length ? await leadPartners(db, partnersIn(partnerIds)) : []).map((p) => [p.id, p]),
  );
  return own.map((l) => ({
    ...leadView(l),
    moderatorNote: l.state === "rejected" ? l.moderatorNote : null,
    proposals: sent
      .filter((p) => p.leadId === l.id)
      .map((p) => {
        const partner = partners.get(p.partnerId);
        return {
          id: p.id,
          partnerId: p.partnerId,
          partnerName: partner?.name ?? "",
          partnerEmail: partner?.leadsEmail ?? null,
          partnerPhone: partner?.phone ?? null,
          partnerWebsite: partner?.website ?? null,
          text: p.text,
          sentAt: p.sentAt.toISOString(),
        };
      }),
  }));
}
