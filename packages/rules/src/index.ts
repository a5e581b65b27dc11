// Public API of @partner-trust/rules: the pure rules engine shared by server, widgets and extension.

export type { LeadAccess } from "./benefits/benefits.ts";
export { discountPercent, leadAccess, promotionsAllowed, statusNfrKeys } from "./benefits/benefits.ts";
export type { NfrKey } from "./benefits/nfr-keys.ts";
export { keysToIssue, keysToRevoke } from "./benefits/nfr-keys.ts";
export { defaultCompetencies } from "./catalogue/competencies.ts";
export { competencyConditionSchema, competencyConditionsSchema } from "./catalogue/conditions.ts";
export { defaultCourses, defaultNfrCourses, defaultRequirements } from "./catalogue/courses.ts";
export { defaultCatalogue, editionOf } from "./catalogue/default.ts";
export { defaultEditions } from "./catalogue/editions.ts";
export { russianCalendar } from "./catalogue/holidays.ts";
export type {
  Catalogue,
  CompetencyCondition,
  CompetencyDefinition,
  Course,
  CourseRequirement,
  Edition,
  StatusRequirements,
  WorkCalendar,
} from "./catalogue/types.ts";
export type { CompetencyInput } from "./competencies/evaluate.ts";
export { competenciesOn, conditionHolds, manualDecision } from "./competencies/evaluate.ts";
export type { CivilDate } from "./dates/civil-date.ts";
export {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dayOfWeek,
  daysBetween,
  isCivilDate,
  maxDate,
  minDate,
  moscowDay,
  parseCivilDate,
} from "./dates/civil-date.ts";
export type { RulesErrorCode } from "./errors.ts";
export { RulesError } from "./errors.ts";
export type { ExpiringPoints, Forecast, Target } from "./forecast/forecast.ts";
export { EXPIRY_HORIZON_DAYS, expiringWithin, forecastPartner } from "./forecast/forecast.ts";
export type { NfrRequestCondition, NfrRequestEligibility, NfrRequestFacts } from "./nfr/on-request.ts";
export { nfrRequestEligibility } from "./nfr/on-request.ts";
export {
  BITRIX24_NFR_MIN_SALES_RUB,
  bitrix24NfrRenewal,
  nfrRequestRenewal,
  nfrSalesCommitmentRub,
} from "./nfr/renewal.ts";
export { conditionsOn } from "./partner/conditions.ts";
export type { DatedStatusChange, PartnerState } from "./partner/evaluate.ts";
export { evaluatePartner, eventDays } from "./partner/evaluate.ts";
export type { CompetencyDecision, CreditedProject, EmployeeEvent, PartnerFacts } from "./partner/facts.ts";
export { emptyFacts } from "./partner/facts.ts";
export type { Roster } from "./partner/roster.ts";
export { certificateCounts, employeesCertifiedIn, rosterOn } from "./partner/roster.ts";
export { earliestPartnerTermination } from "./partner/termination.ts";
export { validateFacts } from "./partner/validate.ts";
export type { Accrual } from "./points/active-points.ts";
export { activeFrom, activePoints, expiryOf, isActiveOn } from "./points/active-points.ts";
export { additionalPoints, jointShare, pointsForEdition, pointsForPrice } from "./points/main-points.ts";
export { canAddProjectOnLicense } from "./projects/license-sites.ts";
export type { RankingInput } from "./ranking/score.ts";
export { rankingScore, rankPartners } from "./ranking/score.ts";
export { ScenarioError } from "./simulator/scenario-error.ts";
export type { Answer } from "./simulator/simulate.ts";
export { simulate, simulateText } from "./simulator/simulate.ts";
export type { StatusStep } from "./status/next-status.ts";
export { initialStatus, nextStatus } from "./status/next-status.ts";
export { isQmParticipant } from "./status/qm.ts";
export type { CourseShortfall } from "./status/requirements.ts";
export {
  CERTIFIED_POINTS,
  GOLD_POINTS,
  highestMet,
  meets,
  missingCertificates,
  pointsThreshold,
} from "./status/requirements.ts";
export type { ChangeReason, Conditions, Status, StatusChange, StatusState } from "./status/types.ts";
export { statusRank } from "./status/types.ts";
export { addWorkingDays, isOverdue, isWorkingDay } from "./working-days/working-days.ts";
