// The simulator: a scenario in, the partner's state on each asked date out.
import { discountPercent, statusNfrKeys } from "../benefits/benefits.ts";
import type { CivilDate } from "../dates/civil-date.ts";
import { type Forecast, forecastPartner } from "../forecast/forecast.ts";
import { evaluatePartner } from "../partner/evaluate.ts";
import type { Status } from "../status/types.ts";
import { formatIssues } from "./issues.ts";
import { reservedKeyProblems } from "./reserved-keys.ts";
import { ScenarioError } from "./scenario-error.ts";
import { scenarioSchema } from "./schema.ts";
import { scenarioCatalogue, scenarioFacts } from "./to-facts.ts";

export type Answer = {
  on: CivilDate;
  status: Status;
  statusSince: CivilDate;
  statusUntil: CivilDate | null;
  activePoints: number;
  discountPercent: number;
  nfrKeys: number;
  competencies: string[];
  qmParticipant: boolean;
  forecast: Forecast;
};

/** Validates `input` (parsed JSON) and answers; throws ScenarioError listing every problem. */
export function simulate(input: unknown): { answers: Answer[] } {
  const parsed = scenarioSchema.safeParse(input);
  const reserved = reservedKeyProblems(input);
  if (!parsed.success || reserved.length > 0) {
    throw new ScenarioError([
      ...reserved,
      ...(parsed.success ? [] : formatIssues(parsed.error.issues, input)),
    ]);
  }
  const scenario = parsed.data;
  const catalogue = scenarioCatalogue(scenario);
  const facts = scenarioFacts(scenario, catalogue);
  const answers = scenario.ask.map((on): Answer => {
    const partner = evaluatePartner(facts, on, catalogue);
    const { status, since, until } = partner.state;
    return {
      on,
      status,
      statusSince: since,
      statusUntil: until,
      activePoints: partner.activePoints,
      discountPercent: discountPercent(status),
      nfrKeys: statusNfrKeys(status),
      competencies: partner.competencies,
      qmParticipant: partner.qmParticipant,
      forecast: forecastPartner(facts, on, catalogue, partner.state),
    };
  });
  return { answers };
}

/** Same, from the file's text: invalid JSON is a ScenarioError too. */
export function simulateText(text: string): { answers: Answer[] } {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError([`invalid JSON: ${(error as Error).message}`]);
  }
  return simulate(input);
}
