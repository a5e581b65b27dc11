// THE authorisation table: every route × who may call it. Routes missing here are denied.
import type { EmployeeLevel } from "../db/schema/index.ts";
import { pagePolicy } from "../pages/policy.ts";
import type { Principal, RoleName } from "./principal.ts";
import { holdsFlag, type PartnerFlag, type PartnerRight, right } from "./rights.ts";

export type Access =
  /** Anyone, signed in or not. */
  | "anyone"
  /** Any signed-in user. */
  | "signed-in"
  /** Users holding one of these roles. */
  | { roles: readonly RoleName[] }
  /**
   * R4E: an accepted employee of the partner named by the route parameter `param`, at one of `levels`,
   * holding `flag` if given; users with one of `staff` roles pass too.
   */
  | {
      partner: { param: string; levels: readonly EmployeeLevel[]; flag?: PartnerFlag };
      staff?: readonly RoleName[];
      /** Set by `right()`: the R4E right this route needs (the authorisation matrix test walks these). */
      right?: PartnerRight;
    };

const staffRoles = ["admin", "moderator"] as const;
const staff = { roles: staffRoles } as const;

/** Key: `<METHOD> <route pattern>` exactly as registered in the app (`*` = any method, also `app.all`). */
export const policy: Record<string, Access> = {
  "GET /healthz": "anyone",
  "* /api/auth/*": "anyone",
  "GET /api/v1/openapi.json": "anyone",
  "GET /api/docs": "anyone",
  "GET /api/v1/me": "signed-in",
  "POST /api/v1/applications": "signed-in",
  "GET /api/v1/applications/mine": "signed-in",
  "POST /api/v1/applications/:applicationId/answer": "signed-in",
  "GET /api/v1/moderation/applications": staff,
  "POST /api/v1/moderation/applications/:applicationId/reject": staff,
  "POST /api/v1/moderation/applications/:applicationId/request-info": staff,
  "POST /api/v1/partners/:partnerId/paper-contract": staff,
  // R1.2c approval; R1.5: termination by the main user (notice) or staff (vendor, agreement; handler checks which).
  "POST /api/v1/moderation/applications/:applicationId/approve": staff,
  "POST /api/v1/partners/:partnerId/termination": {
    partner: { param: "partnerId", levels: ["main"] },
    staff: staffRoles,
  },
  "GET /api/v1/partners/:partnerId/termination": right("cabinet", staffRoles),
  "POST /api/v1/partners/:partnerId/termination/cancel": staff,
  "GET /api/v1/admin/moderation-log": staff,
  // R2.6: the partner cabinet — the partner's own employees with cabinet access (not certified-only ones).
  "GET /api/v1/partners/:partnerId/standing": right("cabinet", staffRoles),
  "GET /api/v1/audit/lookup": staff,
  "POST /api/v1/audit-reports": staff,
  "GET /api/v1/audit-reports": staff,
  "GET /api/v1/public/partners/:partnerId/card": "anyone",
  // CORS middleware on the widgets' paths (app.use): open, so an unknown path there is a 404, not a 403.
  "* /api/v1/public/*": "anyone",
  "* /.well-known/*": "anyone",
  "* /widgets/v1/*": "anyone",
  // W1–W4: the widgets' public endpoints, the bundle and the pages behind them.
  "GET /api/v1/public/partners/:partnerId/status": "anyone",
  "GET /api/v1/public/partners/:partnerId/credential": "anyone",
  "POST /api/v1/public/partners/:partnerId/footer-checks": "anyone",
  "GET /.well-known/jwks.json": "anyone",
  "GET /widgets/v1/partner-trust.js": "anyone",
  "GET /widgets/v1/manifest.json": "anyone",
  "GET /widgets/demo": "anyone",
  "GET /partners/:partnerId": "anyone",
  // Server-rendered pages (directory, sign-in, cabinet): their lines live in src/pages/policy.ts.
  ...pagePolicy,
  // R2.8: unregistered hosts showing a badge are findings for moderators; a partner sees its own.
  "GET /api/v1/moderation/badge-placements": staff,
  "GET /api/v1/partners/:partnerId/badge-placements": right("cabinet", staffRoles),
  // W4, R6.2c: footer compliance per page.
  "GET /api/v1/partners/:partnerId/footer-checks": right("cabinet", staffRoles),
  "GET /api/v1/partners/:partnerId/embed": right("cabinet", staffRoles),
  // R1.4a–c: card edits are pending versions (main/full, R4E.3); moderators decide.
  "GET /api/v1/partners/:partnerId/card": right("editCard", staffRoles),
  "PUT /api/v1/partners/:partnerId/card": right("editCard"),
  "GET /api/v1/partners/:partnerId/card/versions": right("editCard", staffRoles),
  "GET /api/v1/moderation/card-changes": staff,
  "POST /api/v1/moderation/card-changes/:versionId/:decision": staff,
  "GET /api/v1/public/partners": "anyone",
  "GET /api/v1/public/partners/:partnerId": "anyone",
  "GET /api/v1/public/competencies/:id/partners": "anyone",
  // W1, R1.6b: registered domains (main/full); trademark flags for moderators.
  "GET /api/v1/partners/:partnerId/domains": right("editCard", staffRoles),
  "POST /api/v1/partners/:partnerId/domains": right("editCard", staffRoles),
  "POST /api/v1/partners/:partnerId/domains/:host/verify": right("editCard", staffRoles),
  "DELETE /api/v1/partners/:partnerId/domains/:host": right("editCard", staffRoles),
  "GET /api/v1/moderation/domain-flags": staff,
  // Dev-only routes: mounted only when not in production.
  "GET /dev/outbox": "anyone",
  "GET /api/v1/dev/outbox": "anyone",
};

export type Decision =
  | { allow: true }
  | { allow: false; reason: "unauthenticated" | "forbidden" | "no-rule" };

export function lookup(method: string, routePath: string): Access | undefined {
  return policy[`${method} ${routePath}`] ?? policy[`* ${routePath}`];
}

/** Decides one request: the route's access rule, the caller, and the route's parameters. */
export function decide(
  access: Access | undefined,
  principal: Principal | null,
  params: Record<string, string>,
): Decision {
  if (access === undefined) return { allow: false, reason: "no-rule" };
  if (access === "anyone") return { allow: true };
  if (!principal) return { allow: false, reason: "unauthenticated" };
  if (access === "signed-in") return { allow: true };
  const hasRole = (roles: readonly RoleName[] | undefined) => roles?.some((r) => principal.roles.includes(r));
  if ("roles" in access)
    return hasRole(access.roles) ? { allow: true } : { allow: false, reason: "forbidden" };
  if (hasRole(access.staff)) return { allow: true };
  const { param, levels, flag } = access.partner;
  const partnerId = params[param];
  const ok = principal.partnerLinks.some(
    (l) =>
      l.invitation === "accepted" &&
      l.partnerId === partnerId &&
      levels.includes(l.level) &&
      (flag === undefined || holdsFlag(l.level, l, flag)),
  );
  return ok ? { allow: true } : { allow: false, reason: "forbidden" };
}

/** Extracts `:name` parameters of a Hono route pattern from a concrete path. */
export function paramsOf(pattern: string, path: string): Record<string, string> {
  const p = pattern.split("/");
  const s = path.split("/");
  const out: Record<string, string> = {};
  p.forEach((seg, i) => {
    if (seg.startsWith(":") && s[i] !== undefined) {
      out[
        seg
          .slice(1)
          .replace(/\{.*\}$/, "")
          .replace(/\?$/, "")
      ] = decodeURIComponent(s[i]);
    }
  });
  return out;
}
