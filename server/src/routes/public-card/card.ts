// The card data site audits compare with (A2): the last APPROVED card version (R1.4c) and the partner's
// registered domains — never a pending version.
import type { PartnerCard } from "@partner-trust/audit/card";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cardVersions, partners, registeredDomains } from "../../db/schema/index.ts";
import { contactLists } from "../../program/cards/versions.ts";

export type { PartnerCard };

/** R5.4h: a host as projects store it — lower-case, punycode, no `www.`, no port or trailing dot. */
export function normaliseHost(input: string): string {
  let host = input.trim().toLowerCase();
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(host) ? host : `http://${host}`).hostname;
  } catch {
    // not a URL: keep the text as given
  }
  return host.replace(/\.$/, "").replace(/^www\./, "");
}

/** Exactly the audit package's card (its schema is strict): A2's phones, e-mails, addresses, domains. */
export async function approvedCard(db: Db, partnerId: string): Promise<PartnerCard | null> {
  const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  if (!partner) return null;
  const [card] = await db
    .select()
    .from(cardVersions)
    .where(and(eq(cardVersions.partnerId, partnerId), eq(cardVersions.state, "approved")))
    .orderBy(desc(cardVersions.version))
    .limit(1);
  if (!card) return null;
  const domains = await db
    .select({ host: registeredDomains.host })
    .from(registeredDomains)
    .where(and(eq(registeredDomains.partnerId, partnerId), isNull(registeredDomains.removedAt)));
  const hosts = new Set(domains.map((d) => normaliseHost(d.host)));
  if (card.website) hosts.add(normaliseHost(card.website));
  return {
    name: card.name,
    ...contactLists(card),
    domains: [...hosts].sort(),
  };
}
