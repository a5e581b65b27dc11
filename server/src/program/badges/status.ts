// W1–W3: a partner's public status as the widgets show it — the stored state, the name of the last
// APPROVED card version, the engine's current competencies and QM participation, the VERIFIED domains.
import type { Competency, PartnerClaims } from "@partner-trust/badge-token";
import { evaluatePartner } from "@partner-trust/rules";
import { and, desc, eq } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { cardVersions, competencies, partners, registeredDomains } from "../../db/schema/index.ts";
import { normaliseHost } from "../../routes/public-card/card.ts";
import { loadCatalogue } from "../catalogue/store.ts";
import { loadPartnerFacts } from "../status/facts.ts";
import { stateOf } from "../status/state.ts";

/** The claim for one partner, or null for an unknown one. */
export async function partnerStatusClaim(
  db: Db,
  partnerId: string,
  { clock, publicUrl }: { clock: Clock; publicUrl: string },
): Promise<PartnerClaims | null> {
  const [row] = await db
    .select({
      status: partners.status,
      statusSince: partners.statusSince,
      statusUntil: partners.statusUntil,
      name: partners.name,
    })
    .from(partners)
    .where(eq(partners.id, partnerId));
  if (!row) return null;
  const [card] = await db
    .select({ name: cardVersions.name })
    .from(cardVersions)
    .where(and(eq(cardVersions.partnerId, partnerId), eq(cardVersions.state, "approved")))
    .orderBy(desc(cardVersions.version))
    .limit(1);
  const domainRows = await db
    .select({ host: registeredDomains.host })
    .from(registeredDomains)
    .where(and(eq(registeredDomains.partnerId, partnerId), eq(registeredDomains.verification, "verified")));
  const state = stateOf(row);
  let held: Competency[] = [];
  let qmParticipant = false;
  // R1.5c: a terminated partner shows nothing but "not a partner".
  if (state.status !== "none") {
    const facts = await loadPartnerFacts(db, partnerId);
    if (facts) {
      const evaluated = evaluatePartner(facts, moscowDay(clock.now()), await loadCatalogue(db));
      qmParticipant = evaluated.qmParticipant;
      if (evaluated.competencies.length) {
        const titles = await db
          .select({ code: competencies.code, ru: competencies.titleRu, en: competencies.titleEn })
          .from(competencies);
        const byCode = new Map(titles.map((t) => [t.code, t]));
        held = evaluated.competencies.map((code) => ({
          id: code,
          ru: byCode.get(code)?.ru ?? code,
          en: byCode.get(code)?.en ?? code,
        }));
      }
    }
  }
  return {
    id: partnerId,
    name: card?.name ?? row.name,
    status: state.status,
    since: state.status === "none" ? null : state.since,
    until: state.until ?? null,
    competencies: held,
    qmParticipant,
    domains: [...new Set(domainRows.map((d) => normaliseHost(d.host)))].sort(),
    verifyUrl: `${publicUrl}/partners/${encodeURIComponent(partnerId)}`,
  };
}
