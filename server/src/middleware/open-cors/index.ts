// CORS open to every origin for what partner pages call (W1–W4): GET, the beacon's POST and its preflight.
// Unlike hono/cors it never touches `c.res` before the handler ran: the header goes into the prepared
// headers, so @hono/node-server keeps its fast path for the response (hono/cors costs ~30 % of req/s on
// the status endpoint).
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../types.ts";

export type OpenCorsOptions = { methods?: readonly string[]; headers?: readonly string[]; maxAge?: number };

export function openCors({
  methods = ["GET", "POST", "OPTIONS"],
  headers = ["Content-Type"],
  maxAge = 86_400,
}: OpenCorsOptions = {}): MiddlewareHandler<AppEnv> {
  const preflight = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": methods.join(", "),
    "Access-Control-Allow-Headers": headers.join(", "),
    "Access-Control-Max-Age": String(maxAge),
  };
  return async function openCors(c, next) {
    if (c.req.method === "OPTIONS") return c.body(null, 204, preflight);
    c.header("Access-Control-Allow-Origin", "*");
    await next();
    // Errors thrown by the handler become a new response in onError: keep it readable cross-origin.
    if (!c.res.headers.has("Access-Control-Allow-Origin"))
      c.res.headers.set("Access-Control-Allow-Origin", "*");
  };
}
