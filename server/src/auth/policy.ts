// THE authorisation table: every route × who may call it. Routes missing here are denied.
import type { EmployeeLevel } from "../db/schema/index.ts";
import { adminPagePolicy } from "../pages/admin/policy.ts";
import { moderationPagePolicy } from "../pages/moderation/policy.ts";
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
  // Audit trail (issue 5): admins only — moderators' own actions are what it watches (RULES: Actors).
  "GET /api/v1/admin/moderation-log": { roles: ["admin"] },
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
  // Issue 10: the moderation console (staff) and the admins' catalogues and audit trail pages.
  ...moderationPagePolicy,
  ...adminPagePolicy,
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
  // R1.4a: the logo upload is a card edit; a version's logo for those who see the version; the approved one public.
  "PUT /api/v1/partners/:partnerId/card/logo": right("editCard"),
  "GET /api/v1/partners/:partnerId/card/versions/:versionId/logo": right("editCard", staffRoles),
  "GET /api/v1/public/partners/:partnerId/logo": "anyone",
  // R2.6: the cabinet's data (status, points, certified employees, forecast, pending changes, notifications).
  "GET /api/v1/partners/:partnerId/cabinet": right("cabinet", staffRoles),
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
  // R5.5: quality monitoring — stage 1 by the partner's sections users, the queue and the call by moderators.
  "POST /api/v1/partners/:partnerId/qm-submissions": right("sections"),
  "GET /api/v1/partners/:partnerId/qm-results": right("sections", staffRoles),
  "GET /api/v1/qm/questionnaire": "signed-in",
  "GET /api/v1/moderation/qm-submissions": staff,
  "POST /api/v1/moderation/qm-submissions/:submissionId/call": staff,
  "POST /api/v1/moderation/qm-submissions/:submissionId/reject": staff,
  // R4E.1–7: employees (who grants what: mayGrant in the handler), invitations answered by the invited user,
  // the main user changed by an admin only; R4C: courses and certificates (admins), the training view (R4C.2);
  // R4E.6: Marketplace modules (the marketplace group).
  "POST /api/v1/partners/:partnerId/employees": right("manageEmployees"),
  "GET /api/v1/partners/:partnerId/employees": right("manageEmployees", staffRoles),
  "PATCH /api/v1/partners/:partnerId/employees/:linkId": right("manageEmployees"),
  "POST /api/v1/partners/:partnerId/employees/:linkId/detach": right("manageEmployees"),
  "GET /api/v1/me/invitations": "signed-in",
  "POST /api/v1/invitations/:linkId/accept": "signed-in",
  "POST /api/v1/invitations/:linkId/decline": "signed-in",
  "POST /api/v1/admin/partners/:partnerId/main-user": { roles: ["admin"] },
  "GET /api/v1/courses": "anyone",
  "POST /api/v1/admin/courses": { roles: ["admin"] },
  "PATCH /api/v1/admin/courses/:courseId": { roles: ["admin"] },
  "POST /api/v1/admin/certificates": { roles: ["admin"] },
  "GET /api/v1/partners/:partnerId/training": right("cabinet", staffRoles),
  "GET /api/v1/partners/:partnerId/marketplace-modules": right("marketplace", staffRoles),
  "POST /api/v1/partners/:partnerId/marketplace-modules": right("marketplace"),
  "PATCH /api/v1/partners/:partnerId/marketplace-modules/:moduleId": right("marketplace"),
  "POST /api/v1/partners/:partnerId/marketplace-modules/:moduleId/updates": right("marketplace"),
  // R7.1e, issue 10: the competing platforms list (data admins edit; /admin/platforms is its page).
  "GET /api/v1/admin/competing-platforms": { roles: ["admin"] },
  "POST /api/v1/admin/competing-platforms": { roles: ["admin"] },
  "PATCH /api/v1/admin/competing-platforms/:platformId": { roles: ["admin"] },
  // Issue 10: the e-mail templates admins edit (/admin/mail-templates is their page).
  "GET /api/v1/admin/mail-templates": { roles: ["admin"] },
  "PUT /api/v1/admin/mail-templates/:key": { roles: ["admin"] },
  "DELETE /api/v1/admin/mail-templates/:key": { roles: ["admin"] },
  "POST /api/v1/admin/mail-templates/:key/preview": { roles: ["admin"] },
  "GET /api/v1/partners/:partnerId/marketplace-modules/:moduleId/revisions": right("marketplace", staffRoles),
  // R5.2: a module's publication claim by the marketplace group; moderators credit or reject it.
  "POST /api/v1/partners/:partnerId/marketplace-modules/:moduleId/publication": right("marketplace"),
  "GET /api/v1/moderation/marketplace-publications": staff,
  "POST /api/v1/moderation/marketplace-publications/:moduleId/decide": staff,
  // R5.2, R2.4: purchases by main/full users (R4E.3–4); the public price list (discounted for a partner user).
  "POST /api/v1/partners/:partnerId/purchases": right("buy"),
  "GET /api/v1/partners/:partnerId/purchases": right("buy", staffRoles),
  "GET /api/v1/catalogue/editions": "anyone",
  // R5.3: additional-points requests by section users (R4E.4); moderators decide within 10 working days.
  "POST /api/v1/partners/:partnerId/additional-points": right("sections"),
  "GET /api/v1/partners/:partnerId/additional-points": right("sections", staffRoles),
  "GET /api/v1/moderation/additional-points": staff,
  "POST /api/v1/moderation/additional-points/:requestId/decide": staff,
  // R2.5: the certificate and the authorization letter (PDF) in the cabinet (R4E.4: not for limited users).
  "GET /api/v1/partners/:partnerId/documents/certificate.pdf": right("cabinet", staffRoles),
  "GET /api/v1/partners/:partnerId/documents/authorization-letter.pdf": right("cabinet", staffRoles),
  // R5.4: projects — added, listed and edited by the partner's sections users (R4E.4, limited too); moderators
  // see them and decide; the published ones are public (R5.4b).
  "POST /api/v1/partners/:partnerId/projects": right("sections"),
  "GET /api/v1/partners/:partnerId/projects": right("sections", staffRoles),
  "PATCH /api/v1/partners/:partnerId/projects/:projectId": right("sections"),
  "GET /api/v1/public/partners/:partnerId/projects": "anyone",
  "GET /api/v1/moderation/projects": staff,
  "POST /api/v1/moderation/projects/:projectId/decide": staff,
  // R5.2: published mobile apps — added by section users (R4E.4), like projects; moderators credit them once.
  "POST /api/v1/partners/:partnerId/mobile-apps": right("sections"),
  "GET /api/v1/partners/:partnerId/mobile-apps": right("sections", staffRoles),
  "GET /api/v1/moderation/mobile-apps": staff,
  "POST /api/v1/moderation/mobile-apps/:appId/decide": staff,
  // R7.1–R7.3 (leads): leads and proposals (R4E.7 leads right), promotions, "order a site by phone".
  "POST /api/v1/leads": "anyone",
  "POST /api/v1/leads/confirm": "anyone",
  "GET /api/v1/me/leads": "signed-in",
  "GET /api/v1/moderation/leads": staff,
  "POST /api/v1/moderation/leads/:leadId/decide": staff,
  "GET /api/v1/moderation/proposals": staff,
  "GET /api/v1/partners/:partnerId/leads": right("leads"),
  "POST /api/v1/partners/:partnerId/leads/:leadId/proposals": right("leads"),
  "POST /api/v1/partners/:partnerId/promotions": right("sections"),
  "GET /api/v1/partners/:partnerId/promotions": right("sections", staffRoles),
  "GET /api/v1/moderation/promotions": staff,
  "POST /api/v1/moderation/promotions/:promotionId/decide": staff,
  "GET /api/v1/public/promotions": "anyone",
  "POST /api/v1/partners/:partnerId/phone-days": right("sections"),
  "GET /api/v1/partners/:partnerId/phone-days": right("sections", staffRoles),
  "POST /api/v1/partners/:partnerId/phone-days/:bookingId/report": right("sections"),
  "GET /api/v1/phone-days/availability": "signed-in",
  "GET /api/v1/moderation/phone-days": staff,
  "POST /api/v1/moderation/phone-days/:bookingId/leads": staff,
  "PUT /api/v1/admin/phone-days/:day/capacity": { roles: ["admin"] },
  // R6: NFR — keys only to main/full users (no staff); requests by main/full users; moderators decide.
  "GET /api/v1/partners/:partnerId/nfr": right("cabinet"),
  "POST /api/v1/partners/:partnerId/nfr/downgrade": right("cabinet"),
  "POST /api/v1/partners/:partnerId/nfr-requests": right("cabinet"),
  "POST /api/v1/partners/:partnerId/nfr/bitrix24": right("cabinet"),
  "GET /api/v1/moderation/nfr-requests": staff,
  "POST /api/v1/moderation/nfr-requests/:requestId/decide": staff,
  // R5.5a–b: admins edit the QM data (tests, questionnaire); rows are retired, never rewritten.
  "POST /api/v1/admin/qm/questions": { roles: ["admin"] },
  "PATCH /api/v1/admin/qm/questions/:questionId": { roles: ["admin"] },
  "POST /api/v1/admin/qm/tests": { roles: ["admin"] },
  "PATCH /api/v1/admin/qm/tests/:code": { roles: ["admin"] },
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
