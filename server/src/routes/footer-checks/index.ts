// W4, R6.2c: the footer compliance pages reported, latest per page — the partner's users and moderators.
import type { Db } from "../../db/client.ts";
import { listFooterChecks } from "../../program/badges/footer-checks.ts";
import { createRouter } from "../router.ts";

export function footerCheckRoutes({ db }: { db: Db }) {
  return createRouter().get("/partners/:partnerId/footer-checks", async (c) => {
    const pages = await listFooterChecks(db, c.req.param("partnerId"));
    return c.json({
      pages,
      compliantPages: pages.filter((p) => p.compliant).length,
      // R6.2c: the footer is required on EVERY page: one non-compliant page makes the site non-compliant.
      everyPageCompliant: pages.length > 0 && pages.every((p) => p.compliant),
    });
  });
}
