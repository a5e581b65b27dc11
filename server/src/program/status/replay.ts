// Brings partners from their approval to a day through the engine's own replay (evaluatePartner), writing
// each past change as history and the status keys it gave — the seed's way to a consistent state.
import {
  type Catalogue,
  type CivilDate,
  conditionsOn,
  evaluatePartner,
  initialStatus,
  nextStatus,
  type StatusState,
} from "@partner-trust/rules";
import type { Writer } from "../../db/client.ts";
import { loadPartnerFacts } from "./facts.ts";
import { writeTransitions } from "./transitions.ts";

/**
 * For partners still at their approval state: replays every status change up to `on` (no e-mails:
 * they are history) and returns the final states, equal to evaluatePartner's by construction.
 */
export async function replayStatus(
  db: Writer,
  partnerIds: readonly string[],
  on: CivilDate,
  { catalogue, now }: { catalogue: Catalogue; now: Date },
): Promise<Map<string, StatusState>> {
  const out = new Map<string, StatusState>();
  for (const partnerId of partnerIds) {
    const facts = await loadPartnerFacts(db, partnerId);
    if (!facts) throw new Error(`replayStatus: no partner ${partnerId}`);
    const evaluated = evaluatePartner(facts, on, catalogue);
    let state = initialStatus(facts.approvedOn);
    for (const change of evaluated.changes) {
      // The engine's own step on the change's day (between changes its steps change nothing).
      const step = nextStatus(state, conditionsOn(facts, change.on), change.on, catalogue.requirements);
      if (!step.change || step.change.reason !== change.reason || step.change.to !== change.to) {
        throw new Error(`replayStatus: ${partnerId} diverged from evaluatePartner on ${change.on}`);
      }
      await writeTransitions(
        db,
        [{ partnerId, on: change.on, prev: state, state: step.state, change: step.change }],
        { now, mail: false },
      );
      state = step.state;
    }
    out.set(partnerId, state);
  }
  return out;
}
