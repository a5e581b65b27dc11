// Applies src/auth/policy.ts to every request, before the handler runs.
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { decide, lookup, paramsOf } from "../../auth/policy.ts";
import { forbidden, unauthenticated } from "../../errors/index.ts";
import type { AppEnv } from "../../types.ts";

export const isGlobalMiddleware = (r: { method: string; path: string }) =>
  r.method === "ALL" && (r.path === "*" || r.path === "/*");

export function authorize(): MiddlewareHandler<AppEnv> {
  return async function authorize(c, next) {
    // The route to judge is the last match that is not global middleware (`use("*")`); none means 404,
    // which notFound answers. `app.all(...)` routes are judged too (key "ALL <path>" or "* <path>").
    const route = matchedRoutes(c).findLast((r) => !isGlobalMiddleware(r));
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
