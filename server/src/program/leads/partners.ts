// R7.1a–b: what the leads need of a partner: its status, its city (the approved card's, else the
// registration's) as a city key, and where leads go — the card's e-mail for leads, else its public e-mail.
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cardVersions, type PartnerStatus, partners } from "../../db/schema/index.ts";
import { cityKey } from "../cities/normalize.ts";

export type LeadPartner = {
  id: string;
  name: string;
  status: PartnerStatus;
  city: string;
  cityKey: string;
  /** R7.1a: the card's "e-mail for leads", else its public e-mail; null when the card has neither. */
  leadsEmail: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
};

export async function leadPartners(db: Db, where?: SQL): Promise<LeadPartner[]> {
  const rows = await db
    .select({
      id: partners.id,
      name: partners.name,
      status: partners.status,
      city: partners.city,
      cardName: cardVersions.name,
      cardCity: cardVersions.city,
      leadsEmail: cardVersions.leadsEmail,
      email: cardVersions.email,
      phone: cardVersions.phone,
      website: cardVersions.website,
    })
    .from(partners)
    // One approved version per partner: approving a new one supersedes the old (R1.4c).
    .leftJoin(cardVersions, and(eq(cardVersions.partnerId, partners.id), eq(cardVersions.state, "approved")))
    .where(where);
  return rows.map((r) => {
    const city = r.cardCity ?? r.city;
    return {
      id: r.id,
      name: r.cardName ?? r.name,
      status: r.status,
      city,
      cityKey: cityKey(city),
      leadsEmail: r.leadsEmail || r.email || null,
      email: r.email,
      phone: r.phone,
      website: r.website,
    };
  });
}

export async function leadPartner(db: Db, partnerId: string): Promise<LeadPartner | undefined> {
  return (await leadPartners(db, eq(partners.id, partnerId)))[0];
}

export const partnersIn = (ids: string[]) => inArray(partners.id, ids);
