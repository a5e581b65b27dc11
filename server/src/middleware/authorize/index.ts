// Applies src/auth/policy.ts to every request, before the handler runs.
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { decide, lookup, paramsOf } from "../../auth/policy.ts";
import { forbidden, unauthenticated } from "../../errors/index.ts";
import type { AppEnv } from "../../types.ts";

export function authorize(): MiddlewareHandler<AppEnv> {
  return async function authorize(c, next) {
    // The handler route is the last non-middleware match; none means 404, which notFound answers.
    const route = matchedRoutes(c).findLast((r) => r.method !== "ALL");
    if (!route) return next();
    const decision = decide(
      lookup(route.method, route.path),
      c.get("principal"),
      paramsOf(route.path, c.req.path),
    );
    if (decision.allow) return next();
    if (decision.reason === "unauthenticated") throw unauthenticated();
    if (decision.reason === "no-rule") {
      c.get("logger").warn({ route: `${route.method} ${route.path}` }, "route has no access rule: denied");
    }
    throw forbidden();
  };
}
