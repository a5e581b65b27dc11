// Builds the Hono app from its dependencies; tests build a real one and call app.request().
import { Scalar } from "@scalar/hono-api-reference";
import { requestId } from "hono/request-id";
import pino, { type Logger } from "pino";
import type { Auth } from "./auth/auth.ts";
import type { Clock } from "./clock.ts";
import type { Db } from "./db/client.ts";
import { notFound, problemOf, problemResponse } from "./errors/index.ts";
import type { Mailer } from "./mail/outbox.ts";
import { authorize } from "./middleware/authorize/index.ts";
import { openCors } from "./middleware/open-cors/index.ts";
import { requestLog } from "./middleware/request-log/index.ts";
import { session } from "./middleware/session/index.ts";
import { demoPageRoutes } from "./pages/demo.ts";
import { pageErrors } from "./pages/errors.ts";
import { pageRoutes } from "./pages/index.ts";
import type { BadgeService } from "./program/badges/service.ts";
import type { VerifyDeps } from "./program/domains/domains.ts";
import type { AuditNetwork } from "./program/reaudit/run.ts";
import { additionalPointsRoutes } from "./routes/additional-points/index.ts";
import { applicationModerationRoutes } from "./routes/application-moderation/index.ts";
import { applicationRoutes } from "./routes/applications/index.ts";
import { auditReportRoutes } from "./routes/audit-reports/index.ts";
import { badgePlacementRoutes } from "./routes/badge-placements/index.ts";
import { cabinetRoutes } from "./routes/cabinet/index.ts";
import { cardRoutes } from "./routes/cards/index.ts";
import { catalogueRoutes } from "./routes/catalogue/index.ts";
import { competingPlatformRoutes } from "./routes/competing-platforms/index.ts";
import { devOutboxApi, devOutboxPage } from "./routes/dev-outbox/index.ts";
import { directoryRoutes } from "./routes/directory/index.ts";
import { documentRoutes } from "./routes/documents/index.ts";
import { domainRoutes } from "./routes/domains/index.ts";
import { employeeRoutes } from "./routes/employees/index.ts";
import { footerCheckRoutes } from "./routes/footer-checks/index.ts";
import { healthRoutes } from "./routes/health/index.ts";
import { invitationRoutes } from "./routes/invitations/index.ts";
import { leadRoutes } from "./routes/leads/index.ts";
import { leadModerationRoutes } from "./routes/leads/moderation.ts";
import { mailTemplateRoutes } from "./routes/mail-templates/index.ts";
import { marketplaceRoutes } from "./routes/marketplace/index.ts";
import { marketplacePublicationRoutes } from "./routes/marketplace/publication.ts";
import { meRoutes } from "./routes/me/index.ts";
import { mobileAppRoutes } from "./routes/mobile-apps/index.ts";
import { moderationLogRoutes } from "./routes/moderation-log/index.ts";
import { nfrRoutes } from "./routes/nfr/index.ts";
import { paperContractRoutes } from "./routes/paper-contract/index.ts";
import { phoneDayRoutes } from "./routes/phone-days/index.ts";
import { projectModerationRoutes } from "./routes/project-moderation/index.ts";
import { projectRoutes } from "./routes/projects/index.ts";
import { promotionRoutes } from "./routes/promotions/index.ts";
import { publicCardRoutes } from "./routes/public-card/index.ts";
import { purchaseRoutes } from "./routes/purchases/index.ts";
import { qmAdminRoutes } from "./routes/quality/admin.ts";
import { qualityRoutes } from "./routes/quality/index.ts";
import { createRouter } from "./routes/router.ts";
import { standingRoutes } from "./routes/standing/index.ts";
import { terminationRoutes } from "./routes/termination/index.ts";
import { trainingRoutes } from "./routes/training/index.ts";
import { bundleReader, bundleRoutes, defaultBundleFile, embedRoutes } from "./routes/widgets/bundle.ts";
import { jwksRoutes, widgetApiRoutes } from "./routes/widgets/index.ts";

export type AppDeps = {
  db: Db;
  auth: Auth;
  mailer: Mailer;
  clock: Clock;
  logger?: Logger;
  /** Dev-only routes (the outbox) are mounted only when false. */
  production?: boolean;
  /** W1: signed statuses, keys, placements. */
  badges: BadgeService;
  /** The server's public origin: the tokens' `iss`, the bundle URL, `verifyUrl`. */
  publicUrl: string;
  /** The built widget bundle (default: widgets/dist/partner-trust.js). */
  bundleFile?: string;
  /** W1: the domain check's DNS resolver and file fetcher (default: the real, guarded ones; tests: fakes). */
  domainVerification?: VerifyDeps;
  /** R6.2b: where the NFR request's site audit may fetch (tests: local sites, private addresses allowed). */
  nfrSiteNetwork?: AuditNetwork;
  /** R5.4f: where the project site check may fetch (tests: local sites, private addresses allowed). */
  projectSiteNetwork?: AuditNetwork;
};

export function createApp(deps: AppDeps) {
  const { db, auth, production = false } = deps;
  const logger = deps.logger ?? pino({ level: "silent" });

  const bundle = bundleReader(deps.bundleFile ?? defaultBundleFile);
  const widgetDeps = { ...deps, bundle };

  const app = createRouter();
  // W1–W4: what a partner's page calls cross-origin is open to every origin (GET, the beacon's POST and its
  // preflight), answered before authorisation so a preflight never meets the policy.
  const cors = openCors();
  app.use("/api/v1/public/*", cors);
  app.use("/.well-known/*", cors);
  app.use("/widgets/v1/*", cors);
  app.use("/cabinet/*", pageErrors()); // pages: 401 → the sign-in form, other problems → an HTML page
  app.use("/moderation/*", pageErrors()); // the moderation console (issue 10), the same way
  app.use("/admin/*", pageErrors());
  app.use("*", requestId(), requestLog(logger), session({ auth, db }), authorize());

  app.notFound((c) => problemResponse(c, problemOf(notFound(`No route for ${c.req.method} ${c.req.path}.`))));
  app.onError((err, c) => {
    const problem = problemOf(err);
    if (problem.status >= 500) (c.get("logger") ?? logger).error({ err }, "unhandled error");
    return problemResponse(c, problem);
  });

  app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(c.req.raw));

  const routes = app
    .route("/", healthRoutes(deps))
    .route("/api/v1", meRoutes())
    .route("/api/v1", auditReportRoutes(deps))
    .route("/api/v1", publicCardRoutes(deps))
    .route("/api/v1", moderationLogRoutes(deps))
    .route("/api/v1", applicationRoutes(deps))
    .route("/api/v1", applicationModerationRoutes(deps))
    .route("/api/v1", paperContractRoutes(deps))
    .route("/api/v1", terminationRoutes(deps))
    .route("/api/v1", standingRoutes(deps))
    .route("/api/v1", cabinetRoutes(deps))
    .route("/api/v1", widgetApiRoutes(deps))
    .route("/api/v1", badgePlacementRoutes(deps))
    .route("/api/v1", footerCheckRoutes(deps))
    .route("/api/v1", cardRoutes(deps))
    .route("/api/v1", directoryRoutes(deps))
    .route("/api/v1", domainRoutes(deps))
    .route("/api/v1", leadRoutes(deps))
    .route("/api/v1", leadModerationRoutes(deps))
    .route("/api/v1", promotionRoutes(deps))
    .route("/api/v1", phoneDayRoutes(deps))
    .route("/api/v1", projectRoutes(deps))
    .route("/api/v1", projectModerationRoutes(deps))
    .route("/api/v1", purchaseRoutes(deps))
    .route("/api/v1", catalogueRoutes(deps))
    .route("/api/v1", additionalPointsRoutes(deps))
    .route("/api/v1", documentRoutes(deps))
    .route("/api/v1", qualityRoutes(deps))
    .route("/api/v1", qmAdminRoutes(deps))
    .route("/api/v1", nfrRoutes(deps))
    .route("/api/v1", employeeRoutes(deps))
    .route("/api/v1", invitationRoutes(deps))
    .route("/api/v1", trainingRoutes(deps))
    .route("/api/v1", marketplaceRoutes(deps))
    .route("/api/v1", marketplacePublicationRoutes(deps))
    .route("/api/v1", mobileAppRoutes(deps))
    .route("/api/v1", competingPlatformRoutes(deps))
    .route("/api/v1", mailTemplateRoutes(deps))
    .route("/api/v1", embedRoutes(widgetDeps))
    .route("/", jwksRoutes(deps))
    .route("/", bundleRoutes(widgetDeps))
    .route("/", demoPageRoutes(widgetDeps))
    .route("/", pageRoutes(widgetDeps));

  if (!production) {
    app.route("/api/v1", devOutboxApi(deps)).route("/", devOutboxPage(deps));
  }

  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description: "Session cookie from POST /api/auth/sign-in/email",
  });
  app.doc31("/api/v1/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Partner Trust API", version: "0.1.0" },
  });
  app.get("/api/docs", Scalar({ url: "/api/v1/openapi.json", pageTitle: "Partner Trust API" }));

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
