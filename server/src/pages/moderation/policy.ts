// The moderation console's lines of THE authorisation table (spread into pages/policy.ts): vendor staff only.
import type { Access } from "../../auth/policy.ts";

const staff: Access = { roles: ["admin", "moderator"] };

export const moderationPagePolicy: Record<string, Access> = {
  "GET /moderation": staff,
  "GET /moderation/:queue": staff,
  "GET /moderation/:queue/:id": staff,
  // Every decision as the API's moderation routes allow it: moderators and admins.
  "POST /moderation/:queue/:id/:action": staff,
  // The page-errors middleware on /moderation/* (app.ts): no route of its own.
  "* /moderation/*": "anyone",
};
