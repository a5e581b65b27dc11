// R4E: what each rights level (and flag) of a partner's employee may do. The one table that the policy's
// partner routes (`right(...)`), the handlers (`mayGrant`) and the authorisation matrix test read.
import { type EmployeeLevel, employeeLevels } from "../db/schema/index.ts";
import type { RoleName } from "./principal.ts";

export type PartnerFlag = "marketplace" | "leads";

type Right = { levels: readonly EmployeeLevel[]; flag?: PartnerFlag };

export const partnerRights = {
  /** R2.6, R4E.4: the partner cabinet (status, points, documents, embed codes); limited users lack it. */
  cabinet: { levels: ["main", "full"] },
  /** R1.4c, R4E.3–4: card edits (and the partner's registered domains). */
  editCard: { levels: ["main", "full"] },
  /** R2.4, R4E.3–4: buying at the partner discount. */
  buy: { levels: ["main", "full"] },
  /** R4E.2–3: adding, changing and detaching employees; which levels each may grant is `mayGrant`. */
  manageEmployees: { levels: ["main", "full"] },
  /** R4E.4: the partner sections open to limited users too (projects, QM, requests, promotions, phone day). */
  sections: { levels: ["main", "full", "limited"] },
  /** R4E.7: viewing leads and sending proposals — the leads group, whatever the level. */
  leads: { levels: employeeLevels, flag: "leads" },
  /** R4E.6: Marketplace modules and their updates — the marketplace group. */
  marketplace: { levels: employeeLevels, flag: "marketplace" },
} as const satisfies Record<string, Right>;

export type PartnerRight = keyof typeof partnerRights;

/** The policy entry for a partner route: the right's levels and flag on the partner in `:partnerId`. */
export function right(name: PartnerRight, staff?: readonly RoleName[]) {
  const r: Right = partnerRights[name];
  return {
    partner: { param: "partnerId", levels: r.levels, ...(r.flag ? { flag: r.flag } : {}) },
    ...(staff ? { staff } : {}),
    right: name,
  };
}

/**
 * R4E.2: the main user grants any level but main (only an admin changes the main user); R4E.3: a full-rights
 * employee grants any level except full; nobody else grants.
 */
export function mayGrant(granter: EmployeeLevel, level: EmployeeLevel): boolean {
  if (level === "main") return false;
  if (granter === "main") return true;
  if (granter === "full") return level !== "full";
  return false;
}

/** R4E.2: the main user "sees everything", so holds every flag. */
export function holdsFlag(level: EmployeeLevel, flags: Record<PartnerFlag, boolean>, flag: PartnerFlag) {
  return level === "main" || flags[flag];
}
