// Moderators' site audits (A1–A7): GET /audit/lookup (which partner/project a site belongs to, the card
// and the key hashes the checks need), POST /audit-reports (the extension files a report),
// GET /audit-reports?host= (earlier audits of a site, newest first). Staff only (policy.ts).
import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { json, signedIn } from "../params.ts";
import { normaliseHost } from "../public-card/card.ts";
import { createRouter, problems } from "../router.ts";
import { lookupTargets } from "./lookup.ts";
import {
  ListQuerySchema,
  LookupQuerySchema,
  LookupSchema,
  MAX_BODY_BYTES,
  ReportInputSchema,
  ReportSchema,
} from "./schemas.ts";
import { listReports, storeReport } from "./store.ts";

const lookupRoute = createRoute({
  method: "get",
  path: "/audit/lookup",
  security: [{ session: [] }],
  tags: ["audits"],
  summary: "The partner and/or project a site belongs to, with card data and key hashes for A1–A7",
  request: { query: LookupQuerySchema },
  responses: {
    200: json(LookupSchema, "Matches (possibly none)"),
    ...problems(401, 403, 422),
  },
});

const createReportRoute = createRoute({
  method: "post",
  path: "/audit-reports",
  security: [{ session: [] }],
  tags: ["audits"],
  summary: "File an audit report (findings, verdict, note, screenshots)",
  middleware: [
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413, { message: `The report is larger than ${MAX_BODY_BYTES} bytes.` });
      },
    }),
  ] as const,
  request: { body: { required: true, content: { "application/json": { schema: ReportInputSchema } } } },
  responses: {
    201: json(z.object({ id: z.string(), host: z.string() }), "Stored"),
    ...problems(401, 403, 422),
  },
});

const listReportsRoute = createRoute({
  method: "get",
  path: "/audit-reports",
  security: [{ session: [] }],
  tags: ["audits"],
  summary: "Earlier audits of a site, newest first",
  request: { query: ListQuerySchema },
  responses: {
    200: json(z.object({ items: z.array(ReportSchema) }), "Reports"),
    ...problems(401, 403, 422),
  },
});

export function auditReportRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(lookupRoute, async (c) => {
      const query = c.req.valid("query");
      return c.json({ host: normaliseHost(query.host), targets: await lookupTargets(db, query) }, 200);
    })
    .openapi(createReportRoute, async (c) => {
      const principal = signedIn(c.get("principal"));
      const input = c.req.valid("json");
      const id = await storeReport(db, input, principal.userId, clock.now());
      return c.json({ id, host: normaliseHost(input.url) }, 201);
    })
    .openapi(listReportsRoute, async (c) => {
      const { host, limit } = c.req.valid("query");
      return c.json({ items: await listReports(db, host, limit) }, 200);
    });
}
