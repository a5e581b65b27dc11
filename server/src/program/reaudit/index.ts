// Server audits: R6.2c re-audits of NFR sites (daily round under a lease) and the project check on adding.
export { auditNfrSite, type NfrAuditResult, type NfrSite, nfrSites } from "./nfr-site.ts";
export { auditProjectSite, type ProjectSiteAudit, type ProjectSiteInput } from "./project.ts";
export { type RoundOptions, type RoundRun, type RoundSummary, runReauditRound } from "./round.ts";
export type { AuditNetwork } from "./run.ts";
export { msUntilNextRound, REAUDIT_HOUR_MSK, startReauditScheduler } from "./schedule.ts";
