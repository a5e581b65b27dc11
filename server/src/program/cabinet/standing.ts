// R2.6, R5.6, R3.2b: a partner's standing today — the stored status, and what the rules engine makes of the
// stored facts (active points, certified employees, benefits, forecast). Shared by /standing and /cabinet.
import {
  discountPercent,
  evaluatePartner,
  forecastPartner,
  rosterOn,
  statusNfrKeys,
} from "@partner-trust/rules";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { partners } from "../../db/schema/index.ts";
import { loadCatalogue } from "../catalogue/store.ts";
import { loadPartnerFacts } from "../status/facts.ts";
import { stateOf } from "../status/state.ts";

export type Standing = NonNullable<Awaited<ReturnType<typeof standingOf>>>;

/** null when there is no such partner; `on` is the Moscow day. */
export async function standingOf(db: Db, partnerId: string, on: string) {
  const [row] = await db
    .select({ status: partners.status, statusSince: partners.statusSince, statusUntil: partners.statusUntil })
    .from(partners)
    .where(eq(partners.id, partnerId));
  const facts = row ? await loadPartnerFacts(db, partnerId) : null;
  if (!row || !facts) return null;
  const catalogue = await loadCatalogue(db);
  // The stored state is what the badge and the discount use; the engine fills in the rest from the facts.
  const state = stateOf(row);
  const evaluated = evaluatePartner(facts, on, catalogue);
  return {
    partnerId,
    on,
    status: state.status,
    since: state.since,
    until: state.until,
    activePoints: evaluated.activePoints,
    discountPercent: discountPercent(state.status),
    nfrKeys: statusNfrKeys(state.status),
    competencies: evaluated.competencies,
    qmParticipant: evaluated.qmParticipant,
    certifiedEmployees: rosterOn(facts.employeeEvents, on).size,
    certificates: evaluated.certificates,
    forecast: forecastPartner(facts, on, catalogue, state),
  };
}
