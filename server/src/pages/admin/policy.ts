// The admins' pages' lines of THE authorisation table (spread into pages/policy.ts): the catalogues and the
// audit trail are admins' only, as the API's /admin routes are.
import type { Access } from "../../auth/policy.ts";

const admin: Access = { roles: ["admin"] };

export const adminPagePolicy: Record<string, Access> = {
  "GET /admin": admin,
  "GET /admin/moderation-log": admin,
  "GET /admin/:page": admin,
  "POST /admin/:page/:form": admin,
  // The page-errors middleware on /admin/* (app.ts): no route of its own.
  "* /admin/*": "anyone",
};
