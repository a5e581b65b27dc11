// The widget bundle: registers <pt-partner-badge>, <pt-competency-emblems>, <pt-quality-seal>, <pt-powered-by>.
export { PtCompetencyEmblems } from "./competency-emblems/competency-emblems.ts";
export type { Competency, PartnerClaims, PartnerStatus } from "./core/token.ts";
export type { Verdict } from "./core/verify.ts";
export { PtPartnerBadge } from "./partner-badge/partner-badge.ts";
export { PtPoweredBy } from "./powered-by/powered-by.ts";
export { PtQualitySeal } from "./quality-seal/quality-seal.ts";
