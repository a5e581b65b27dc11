// R7.1a–b: what the leads need of a partner: its status, its city (the approved card's, else the
// registration's) as a city key, and where leads go — the card's e-mail for leads, else its public e-mail.
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cardVersions, type PartnerStatus, partners } from "../../db/schema/index.ts";
import { contactLists } from "../cards/versions.ts";
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
      emails: cardVersions.emails,
      email: cardVersions.email,
      phones: cardVersions.phones,
      phone: cardVersions.phone,
      addresses: cardVersions.addresses,
      address: cardVersions.address,
      website: cardVersions.website,
    })
    .from(partners)
    // One approved version per partner: approving a new one supersedes the old (R1.4c).
    .leftJoin(cardVersions, and(eq(cardVersions.partnerId, partners.id), eq(cardVersions.state, "approved")))
    .where(where);
  return rows.map((r) => {
    const city = r.cardCity ?? r.city;
    // R1.4a: the card's lists (older cards' single values read through the cards' own reader).
    const { emails, phones } = contactLists({
      emails: r.emails ?? [],
      email: r.email,
      phones: r.phones ?? [],
      phone: r.phone,
      addresses: r.addresses ?? [],
      address: r.address,
    });
    return {
      id: r.id,
      name: r.cardName ?? r.name,
      status: r.status,
      city,
      cityKey: cityKey(city),
      leadsEmail: r.leadsEmail || emails[0] || null,
      email: emails[0] ?? null,
      phone: phones[0] ?? null,
      website: r.website,
    };
  });
}

export async function leadPartner(db: Db, partnerId: string): Promise<LeadPartner | undefined> {
  return (await leadPartners(db, eq(partners.id, partnerId)))[0];
}

export const partnersIn = (ids: string[]) => inArray(partners.id, ids);
