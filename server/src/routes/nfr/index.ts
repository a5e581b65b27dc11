// R6: NFR licenses — the partner's keys (main and full users only), edition downgrade (R6.1b), NFR on request
// with the engine's conditions and a site audit (R6.2a–c), the moderators' decisions, Bitrix24 NFR (R6.3a).
import { createRoute, z } from "@hono/zod-openapi";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { registerBitrix24Nfr } from "../../program/nfr/bitrix24.ts";
import { decideNfrRequest } from "../../program/nfr/decide.ts";
import { requestDowngrade } from "../../program/nfr/downgrade.ts";
import { moderationRequests, partnerNfr, requestView } from "../../program/nfr/list.ts";
import { requestOwnSiteNfr } from "../../program/nfr/own-site.ts";
import type { AuditNetwork } from "../../program/reaudit/run.ts";
import { anyJson, jsonBody, partnerParams, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const editionCode = z.string().min(1).max(100);

const list = createRoute({
  method: "get",
  path: "/partners/{partnerId}/nfr",
  tags: ["nfr"],
  summary: "The partner's NFR licenses with their keys (main and full users only), and its requests",
  request: { params: partnerParams },
  responses: { 200: anyJson("Licenses and requests"), ...problems(401, 403) },
});
const downgrade = createRoute({
  method: "post",
  path: "/partners/{partnerId}/nfr/downgrade",
  tags: ["nfr"],
  summary: "Ask to change a status key's edition to a lower one (R6.1b); a moderator decides",
  request: {
    params: partnerParams,
    ...jsonBody(z.object({ licenseId: z.string().min(1).max(100), editionCode })),
  },
  responses: { 201: anyJson("Request pending"), ...problems(401, 403, 404, 409, 422) },
});
const ownSite = createRoute({
  method: "post",
  path: "/partners/{partnerId}/nfr-requests",
  tags: ["nfr"],
  summary:
    "NFR on request for the partner's own site (R6.2a–c): conditions checked, the site audited (A1, A5, A7)",
  request: {
    params: partnerParams,
    ...jsonBody(
      z.object({
        siteUrl: z.url({ protocol: /^https?$/ }).max(2000),
        editionCode,
      }),
    ),
  },
  responses: { 201: anyJson("Request pending, with the audit"), ...problems(401, 403, 404, 409, 422) },
});
const queue = createRoute({
  method: "get",
  path: "/moderation/nfr-requests",
  tags: ["nfr"],
  summary: "NFR requests in a state (pending by default), oldest first",
  request: { query: z.object({ state: z.enum(["pending", "approved", "rejected"]).optional() }) },
  responses: { 200: anyJson("Requests"), ...problems(401, 403, 422) },
});
const decide = createRoute({
  method: "post",
  path: "/moderation/nfr-requests/{requestId}/decide",
  tags: ["nfr"],
  summary: "Approve (the key's edition changes / the license is issued) or reject an NFR request",
  request: {
    params: z.object({ requestId: pathId("requestId") }),
    ...jsonBody(z.object({ approve: z.boolean(), reason: z.string().trim().min(1).max(2000) })),
  },
  responses: { 200: anyJson("Decided"), ...problems(401, 403, 404, 409, 422) },
});
const bitrix24 = createRoute({
  method: "post",
  path: "/partners/{partnerId}/nfr/bitrix24",
  tags: ["nfr"],
  summary: 'Switch the partner\'s Bitrix24 portal to NFR (R6.3a, "Company" plan, a year)',
  request: {
    params: partnerParams,
    ...jsonBody(z.object({ portalDomain: z.string().trim().min(1).max(253) })),
  },
  responses: { 201: anyJson("Switched"), ...problems(401, 403, 404, 409, 422) },
});

export function nfrRoutes({
  db,
  clock,
  nfrSiteNetwork,
}: {
  db: Db;
  clock: Clock;
  nfrSiteNetwork?: AuditNetwork;
}) {
  const userId = (c: { get(key: "principal"): { userId: string } | null }) =>
    signedIn(c.get("principal")).userId;
  return createRouter()
    .openapi(list, async (c) => {
      const { partnerId } = c.req.valid("param");
      return c.json(await partnerNfr(db, partnerId, moscowDay(clock.now())), 200);
    })
    .openapi(downgrade, async (c) => {
      const { partnerId } = c.req.valid("param");
      const body = c.req.valid("json");
      const row = await requestDowngrade(db, { partnerId, ...body, userId: userId(c) }, { clock });
      c.get("logger").info({ nfrRequest: row.id, partnerId, kind: "downgrade" }, "NFR request filed");
      return c.json(requestView(row), 201);
    })
    .openapi(ownSite, async (c) => {
      const { partnerId } = c.req.valid("param");
      const body = c.req.valid("json");
      const result = await requestOwnSiteNfr(
        db,
        { partnerId, ...body, userId: userId(c) },
        { clock, network: nfrSiteNetwork },
      );
      c.get("logger").info(
        { nfrRequest: result.requestId, partnerId, kind: "own_site" },
        "NFR request filed",
      );
      return c.json(
        {
          id: result.requestId,
          state: "pending",
          eligibility: result.eligibility,
          auditReportId: result.auditReportId,
          findings: result.findings.map((f) => ({ rule: f.rule, verdict: f.verdict, message: f.message })),
        },
        201,
      );
    })
    .openapi(queue, async (c) =>
      c.json({ items: await moderationRequests(db, c.req.valid("query").state) }, 200),
    )
    .openapi(decide, async (c) => {
      const { requestId } = c.req.valid("param");
      const body = c.req.valid("json");
      const done = await decideNfrRequest(db, { requestId, ...body, moderatorId: userId(c) }, { clock });
      c.get("logger").info({ nfrRequest: requestId, state: done.state }, "NFR request decided");
      return c.json(done, 200);
    })
    .openapi(bitrix24, async (c) => {
      const { partnerId } = c.req.valid("param");
      const { portalDomain } = c.req.valid("json");
      const done = await registerBitrix24Nfr(db, { partnerId, portalDomain, userId: userId(c) }, { clock });
      c.get("logger").info({ partnerId, portal: done.portalDomain }, "Bitrix24 NFR registered");
      return c.json(done, 201);
    });
}
