// R6.2d and R6.3c: yearly renewal of the on-request NFR and of the Bitrix24 cloud NFR.
import { RulesError } from "../errors.ts";

/** R6.2d: taking the on-request NFR commits the partner to annual sales of twice the chosen edition's price. */
export function nfrSalesCommitmentRub(editionPriceRub: number): number {
  assertAmount(editionPriceRub);
  return 2 * editionPriceRub;
}

/**
 * R6.2d: renewed for 12 months when the year's sales reach the commitment made on taking it (the price of that
 * day, not a later catalogue price).
 */
export function nfrRequestRenewal(salesInYearRub: number, commitmentRub: number): "renewed" | "lapsed" {
  assertAmount(salesInYearRub);
  assertAmount(commitmentRub);
  return salesInYearRub >= commitmentRub ? "renewed" : "lapsed";
}

export const BITRIX24_NFR_MIN_SALES_RUB = 25_000;

/** R6.3c: ≥ 25,000 RUB of license sales in the year renews; else the free "Project" plan; lost on termination. */
export function bitrix24NfrRenewal(
  salesInYearRub: number,
  terminated: boolean,
): "renewed" | "project-plan" | "lost" {
  assertAmount(salesInYearRub);
  if (terminated) return "lost";
  return salesInYearRub >= BITRIX24_NFR_MIN_SALES_RUB ? "renewed" : "project-plan";
}

function assertAmount(rub: number): void {
  if (!Number.isFinite(rub) || rub < 0) {
    throw new RulesError("invalid-amount", `an amount must be a non-negative number of roubles, got ${rub}`);
  }
}
