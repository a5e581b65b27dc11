// Resolves the better-auth session cookie into a Principal (or null) for every request.
import type { MiddlewareHandler } from "hono";
import type { Auth } from "../../auth/auth.ts";
import { loadPrincipal } from "../../auth/principal.ts";
import type { Db } from "../../db/client.ts";
import type { AppEnv } from "../../types.ts";

export function session({ auth, db }: { auth: Auth; db: Db }): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    c.set("principal", null);
    // better-auth's own routes handle their session themselves.
    // A cookie (browser pages) or `Authorization: Bearer` (the extension, through better-auth's bearer plugin).
    if (!c.req.path.startsWith("/api/auth/") && (c.req.header("cookie") || c.req.header("authorization"))) {
      const found = await auth.api.getSession({ headers: c.req.raw.headers });
      if (found) c.set("principal", await loadPrincipal(db, found.user));
    }
    await next();
  };
}
