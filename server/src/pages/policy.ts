// The pages' lines of THE authorisation table (spread into auth/policy.ts): public pages for anyone, the
// cabinet by the R4E rights of the partner in `:partnerId` (staff may look at any partner's cabinet).
import type { Access } from "../auth/policy.ts";

export const pagePolicy: Record<string, Access> = {
  "GET /assets/:name": "anyone",
  "GET /sign-in": "anyone",
  "POST /sign-in": "anyone",
  "POST /sign-out": "anyone",
  "GET /": "anyone",
  "GET /competencies": "anyone",
  "GET /competencies/:code": "anyone",
  // The page-errors middleware on /cabinet/* (app.ts): no route of its own; unknown paths there are 404s.
  "* /cabinet/*": "anyone",
};
