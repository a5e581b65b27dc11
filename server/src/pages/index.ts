// Every server-rendered page, as one router chained into the app (app.ts). Add a page: a file here (or in
// cabinet/), its `.route()` line below, its policy line in policy.ts.
import type { Auth } from "../auth/auth.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { BadgeService } from "../program/badges/service.ts";
import type { AuditNetwork } from "../program/reaudit/run.ts";
import { createRouter } from "../routes/router.ts";
import type { Bundle } from "../routes/widgets/bundle.ts";
import { adminPageRoutes } from "./admin/index.ts";
import { assetRoutes } from "./assets.ts";
import { cabinetPageRoutes } from "./cabinet/index.ts";
import { competencyPageRoutes } from "./competencies.ts";
import { directoryPageRoutes } from "./directory.ts";
import { leadPageRoutes } from "./lead.ts";
import { moderationPageRoutes } from "./moderation/index.ts";
import { promotionPageRoutes } from "./promotions.ts";
import { signInPageRoutes } from "./sign-in.ts";
import { verifyPageRoutes } from "./verify.ts";

export type PageDeps = {
  db: Db;
  auth: Auth;
  clock: Clock;
  badges: BadgeService;
  publicUrl: string;
  bundle: () => Bundle;
  /** R5.4f: the project site check's network (the journeys' local sites); default: the internet, guarded. */
  projectSiteNetwork?: AuditNetwork | undefined;
};

export function pageRoutes(deps: PageDeps) {
  return createRouter()
    .route("/", assetRoutes())
    .route("/", signInPageRoutes(deps))
    .route("/", directoryPageRoutes(deps))
    .route("/", competencyPageRoutes(deps))
    .route("/", promotionPageRoutes(deps))
    .route("/", leadPageRoutes(deps))
    .route("/", verifyPageRoutes(deps))
    .route("/", cabinetPageRoutes(deps))
    .route("/", moderationPageRoutes(deps))
    .route("/", adminPageRoutes(deps));
}
