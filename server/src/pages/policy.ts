// The pages' lines of THE authorisation table (spread into auth/policy.ts): public pages for anyone, the
// cabinet by the R4E rights of the partner in `:partnerId` (staff may look at any partner's cabinet).
import type { Access } from "../auth/policy.ts";
import { right } from "../auth/rights.ts";

const staff = ["admin", "moderator"] as const;

export const pagePolicy: Record<string, Access> = {
  "GET /assets/:name": "anyone",
  "GET /sign-in": "anyone",
  "POST /sign-in": "anyone",
  "POST /sign-out": "anyone",
  "GET /sign-up": "anyone",
  "POST /sign-up": "anyone",
  "GET /": "anyone",
  "GET /partners": "anyone",
  "GET /competencies": "anyone",
  "GET /competencies/:code": "anyone",
  // R7.2 public promotions; R7.1a a lead from anyone (anonymous ones confirmed by e-mail).
  "GET /promotions": "anyone",
  "GET /leads/new": "anyone",
  // R7.1c: the client's own requests with the proposals (the handler sends a visitor to sign in).
  "GET /leads/mine": "anyone",
  "POST /leads/new": "anyone",
  "GET /leads/sent": "anyone",
  "GET /leads/confirm": "anyone",
  "POST /leads/confirm": "anyone",
  // R2.6: the cabinet; each section by the R4E right that opens it (cabinet/frame.ts `sections`).
  "GET /cabinet": "signed-in",
  // R4E.1: the invited user answers (the handler checks the invitation is theirs).
  "POST /cabinet/invitations/:linkId/:answer{accept|decline}": "signed-in",
  "GET /cabinet/:partnerId": right("cabinet", staff),
  "GET /cabinet/:partnerId/widgets": right("cabinet", staff),
  // R1.4c, R4E.3–4: card edits (main/full) become pending versions.
  "GET /cabinet/:partnerId/card": right("editCard", staff),
  "POST /cabinet/:partnerId/card": right("editCard"),
  "POST /cabinet/:partnerId/card/logo": right("editCard"),
  // R4E.2–3: employees (which levels one may grant: mayGrant in the handler); R4C certificates.
  "GET /cabinet/:partnerId/employees": right("manageEmployees", staff),
  "POST /cabinet/:partnerId/employees": right("manageEmployees"),
  "POST /cabinet/:partnerId/employees/:linkId": right("manageEmployees"),
  "POST /cabinet/:partnerId/employees/:linkId/detach": right("manageEmployees"),
  "GET /cabinet/:partnerId/training": right("cabinet", staff),
  // R4E.4: projects are open to limited users too.
  "GET /cabinet/:partnerId/projects": right("sections", staff),
  "POST /cabinet/:partnerId/projects": right("sections"),
  "GET /cabinet/:partnerId/qm": right("sections", staff),
  // R5.2: published mobile apps, added by section users (R4E.4).
  "GET /cabinet/:partnerId/mobile-apps": right("sections", staff),
  "POST /cabinet/:partnerId/mobile-apps": right("sections"),
  // R5.3: additional-points requests by section users.
  "GET /cabinet/:partnerId/points": right("sections", staff),
  "POST /cabinet/:partnerId/points": right("sections"),
  "GET /cabinet/:partnerId/promotions": right("sections", staff),
  "POST /cabinet/:partnerId/promotions": right("sections"),
  // R2.4, R4E.3–4: purchases are main/full.
  "GET /cabinet/:partnerId/purchases": right("buy", staff),
  "POST /cabinet/:partnerId/purchases": right("buy"),
  // R6 (issue 6): NFR keys are shown to the partner's main and full users only, not to staff.
  "GET /cabinet/:partnerId/nfr": right("cabinet"),
  "POST /cabinet/:partnerId/nfr/downgrade": right("cabinet"),
  "POST /cabinet/:partnerId/nfr/own-site": right("cabinet"),
  "POST /cabinet/:partnerId/nfr/bitrix24": right("cabinet"),
  // R4E.7: the leads group; the client's contacts after a proposal are the partner's (R7.1c).
  "GET /cabinet/:partnerId/leads": right("leads"),
  "POST /cabinet/:partnerId/leads/:leadId/proposals": right("leads"),
  "GET /cabinet/:partnerId/documents": right("cabinet", staff),
  // R7.3: phone days for section users (R4E.4); R4E.6: Marketplace modules for the marketplace group.
  "GET /cabinet/:partnerId/phone-days": right("sections", staff),
  "POST /cabinet/:partnerId/phone-days": right("sections"),
  "POST /cabinet/:partnerId/phone-days/:bookingId/report": right("sections"),
  "GET /cabinet/:partnerId/marketplace": right("marketplace", staff),
  "POST /cabinet/:partnerId/marketplace": right("marketplace"),
  "POST /cabinet/:partnerId/marketplace/:moduleId": right("marketplace"),
  "POST /cabinet/:partnerId/marketplace/:moduleId/updates": right("marketplace"),
  // R5.2: the module's publication claim.
  "POST /cabinet/:partnerId/marketplace/:moduleId/publication": right("marketplace"),
  // The page-errors middleware on /cabinet/* (app.ts): no route of its own; unknown paths there are 404s.
  "* /cabinet/*": "anyone",
};
