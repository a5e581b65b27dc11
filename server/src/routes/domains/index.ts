// W1, R1.6b: a partner's registered domains — add (with the A4 trademark check), verify, remove; moderators' flags.
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { moderationLog, registeredDomains } from "../../db/schema/index.ts";
import { forbidden } from "../../errors/index.ts";
import {
  addDomain,
  methodsFor,
  removeDomain,
  type VerifyDeps,
  verifyDomain,
} from "../../program/domains/domains.ts";
import { anyJson, jsonBody, partnerParams } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const params = partnerParams;
const hostParams = params.extend({ host: z.string().min(1).max(253) });

const list = createRoute({
  method: "get",
  path: "/partners/{partnerId}/domains",
  tags: ["domains"],
  request: { params },
  responses: { 200: anyJson("Domains"), ...problems(403) },
});
const add = createRoute({
  method: "post",
  path: "/partners/{partnerId}/domains",
  tags: ["domains"],
  summary: "Register a domain: a token and the two ways to prove it (DNS TXT, file)",
  request: {
    params,
    ...jsonBody(z.object({ host: z.string().min(1).max(300) })),
  },
  responses: { 201: anyJson("Registered, pending verification"), ...problems(403, 409, 422) },
});
const verify = createRoute({
  method: "post",
  path: "/partners/{partnerId}/domains/{host}/verify",
  tags: ["domains"],
  request: { params: hostParams },
  responses: { 200: anyJson("verified / failed with the reasons"), ...problems(403, 404, 422) },
});
const remove = createRoute({
  method: "delete",
  path: "/partners/{partnerId}/domains/{host}",
  tags: ["domains"],
  request: { params: hostParams },
  responses: { 204: { description: "Removed" }, ...problems(403, 404, 422) },
});
const flags = createRoute({
  method: "get",
  path: "/moderation/domain-flags",
  tags: ["domains"],
  summary: "A4 (R1.6b) trademark violations found when domains were added",
  responses: { 200: anyJson("Flags"), ...problems(403) },
});

export function domainRoutes(deps: { db: Db; clock: Clock; domainVerification?: VerifyDeps }) {
  const { db, clock } = deps;
  return createRouter()
    .openapi(list, async (c) => {
      const { partnerId } = c.req.valid("param");
      const rows = await db
        .select()
        .from(registeredDomains)
        .where(and(eq(registeredDomains.partnerId, partnerId), isNull(registeredDomains.removedAt)));
      return c.json(
        {
          items: rows.map((d) => ({
            host: d.host,
            verification: d.verification,
            verifiedAt: d.verifiedAt?.toISOString() ?? null,
            methods: d.verificationToken ? methodsFor(d.host, d.verificationToken) : null,
          })),
        },
        200,
      );
    })
    .openapi(add, async (c) => {
      const { partnerId } = c.req.valid("param");
      const principal = c.get("principal");
      if (!principal) throw forbidden();
      const { domain, trademark } = await addDomain(db, partnerId, c.req.valid("json").host, {
        userId: principal.userId,
        now: clock.now(),
      });
      const token = domain.verificationToken ?? "";
      return c.json(
        {
          host: domain.host,
          verification: domain.verification,
          token,
          methods: methodsFor(domain.host, token),
          trademark,
        },
        201,
      );
    })
    .openapi(verify, async (c) => {
      const { partnerId, host } = c.req.valid("param");
      return c.json(await verifyDomain(db, partnerId, host, deps.domainVerification ?? {}, clock.now()), 200);
    })
    .openapi(remove, async (c) => {
      const { partnerId, host } = c.req.valid("param");
      const principal = c.get("principal");
      if (!principal) throw forbidden();
      await removeDomain(db, partnerId, host, { userId: principal.userId, now: clock.now() });
      return c.body(null, 204);
    })
    .openapi(flags, async (c) => {
      const rows = await db
        .select()
        .from(moderationLog)
        .where(eq(moderationLog.action, "domain.trademark"))
        .orderBy(desc(moderationLog.at));
      return c.json(
        { items: rows.map((r) => ({ partnerId: r.targetId, at: r.at.toISOString(), evidence: r.reason })) },
        200,
      );
    });
}
