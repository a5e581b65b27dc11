// R2.2/R2.3: which status a set of conditions meets.
import type { StatusRequirements } from "../catalogue/types.ts";
import { ownCount } from "../own.ts";
import type { Conditions, Status } from "./types.ts";

/** R5.1 thresholds. */
export const CERTIFIED_POINTS = 100;
export const GOLD_POINTS = 500;

export type CourseShortfall = { course: string; required: number; have: number };

/** Courses where fewer attached employees hold the certificate than the table asks. */
export function missingCertificates(
  required: Readonly<Record<string, number>>,
  certificates: Readonly<Record<string, number>>,
): CourseShortfall[] {
  const missing: CourseShortfall[] = [];
  for (const course of Object.keys(required).sort()) {
    const need = ownCount(required, course);
    const have = ownCount(certificates, course);
    if (have < need) missing.push({ course, required: need, have });
  }
  return missing;
}

/**
 * Whether the conditions meet `status`. Gold is cumulative: it also needs Certified's table, so
 * "meets Gold" always implies "meets Certified" and the highest met status is well defined.
 */
export function meets(status: Status, conditions: Conditions, requirements: StatusRequirements): boolean {
  if (conditions.terminated) return status === "none";
  switch (status) {
    case "none":
    case "business":
      return true; // R2.1: no conditions.
    case "certified": // R2.2
      return (
        conditions.activePoints >= CERTIFIED_POINTS &&
        missingCertificates(requirements.certified, conditions.certificates).length === 0
      );
    case "gold": // R2.3
      return (
        meets("certified", conditions, requirements) &&
        conditions.activePoints >= GOLD_POINTS &&
        conditions.qmParticipant &&
        missingCertificates(requirements.gold, conditions.certificates).length === 0
      );
  }
}

export function highestMet(conditions: Conditions, requirements: StatusRequirements): Status {
  if (conditions.terminated) return "none";
  if (meets("gold", conditions, requirements)) return "gold";
  if (meets("certified", conditions, requirements)) return "certified";
  return "business";
}

/** Points a status needs (R5.1); 0 for Business and none. */
export function pointsThreshold(status: Status): number {
  return status === "gold" ? GOLD_POINTS : status === "certified" ? CERTIFIED_POINTS : 0;
}
