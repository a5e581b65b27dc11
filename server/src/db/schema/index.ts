// The whole program's schema, one file per area.
export * from "./audits.ts";
export * from "./auth.ts";
export * from "./competencies.ts";
export * from "./competitors.ts";
export * from "./employees.ts";
export * from "./lifecycle.ts";
export * from "./marketing.ts";
export * from "./marketplace.ts";
export * from "./mobile-apps.ts";
export * from "./nfr.ts";
export * from "./partners.ts";
export * from "./points.ts";
export * from "./projects.ts";
export * from "./quality.ts";
export * from "./status.ts";
export * from "./system.ts";
export * from "./training.ts";
