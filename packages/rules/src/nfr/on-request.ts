// R6.2a–b: eligibility for the once-only NFR license for the partner's own site.
import type { Roster } from "../partner/roster.ts";
import { employeesCertifiedIn } from "../partner/roster.ts";

export type NfrRequestFacts = {
  /** R1.3 decision: the date the paper contract was received, or null. */
  paperContractOn: string | null;
  roster: Roster;
  /** R6.2b: the site runs Site Management (a demo install is allowed). */
  siteOnSiteManagement: boolean;
  /** R6.2c via audit A1. */
  integrationAuditPassed: boolean;
  /** R6.2b via audit A5: no standard template. */
  originalDesign: boolean;
  /** R6.2a: once per partner. */
  usedBefore: boolean;
};

export type NfrRequestCondition =
  | "paper-contract"
  | "certified-employee"
  | "site-management"
  | "integration-audit"
  | "original-design"
  | "not-used-before";

export type NfrRequestEligibility = { eligible: boolean; unmet: NfrRequestCondition[] };

/** Lists every unmet condition (in the order of R6.2b) so the cabinet can show them all at once. */
export function nfrRequestEligibility(
  facts: NfrRequestFacts,
  nfrCourses: readonly string[],
): NfrRequestEligibility {
  const unmet: NfrRequestCondition[] = [];
  if (facts.paperContractOn === null) unmet.push("paper-contract");
  if (employeesCertifiedIn(facts.roster, nfrCourses) < 1) unmet.push("certified-employee");
  if (!facts.siteOnSiteManagement) unmet.push("site-management");
  if (!facts.integrationAuditPassed) unmet.push("integration-audit");
  if (!facts.originalDesign) unmet.push("original-design");
  if (facts.usedBefore) unmet.push("not-used-before");
  return { eligible: unmet.length === 0, unmet };
}
