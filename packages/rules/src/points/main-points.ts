// R5.2 main points from a price, R5.4d joint split, R5.5c QM points.

import { editionOf } from "../catalogue/default.ts";
import type { Catalogue } from "../catalogue/types.ts";
import { RulesError } from "../errors.ts";

/** R5.2: round-half-up(end-user price in RUB / 1000); 5,900 → 6, 72,900 → 73. */
export function pointsForPrice(priceRub: number): number {
  if (!Number.isFinite(priceRub) || priceRub < 0) {
    throw new RulesError(
      "invalid-amount",
      `a price must be a non-negative number of roubles, got ${priceRub}`,
    );
  }
  // Integer arithmetic on kopecks-free roubles avoids 2500/1000 = 2.4999… surprises.
  return Math.floor((Math.round(priceRub) + 500) / 1000);
}

/** R5.2/R5.5b: the point cost of an edition's license (a project on it, or its QM). */
export function pointsForEdition(catalogue: Catalogue, editionId: string): number {
  return pointsForPrice(editionOf(catalogue, editionId).priceRub);
}

/**
 * R5.4d: a joint project's points are split equally only when both partners named each other;
 * an odd point goes to the partner holding the client contract.
 */
export function jointShare(points: number, holdsContract: boolean): number {
  if (!Number.isInteger(points) || points < 0) {
    throw new RulesError("invalid-amount", `points must be a non-negative integer, got ${points}`);
  }
  return holdsContract ? Math.ceil(points / 2) : Math.floor(points / 2);
}

/** R5.3: a moderator sets the amount; only a positive whole number is accepted. */
export function additionalPoints(points: number): number {
  if (!Number.isInteger(points) || points <= 0) {
    throw new RulesError("invalid-amount", `additional points must be a positive integer, got ${points}`);
  }
  return points;
}
