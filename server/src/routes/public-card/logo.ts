// R1.4a: serving a stored card logo — its own type, an ETag from its SHA-256, never sniffed as anything else.
import type { Context } from "hono";
import type { CardLogo } from "../../program/cards/logos.ts";

export function logoResponse(c: Context, logo: CardLogo, cacheControl: string): Response {
  const etag = `"${logo.sha256}"`;
  const headers = {
    "Content-Type": logo.contentType,
    ETag: etag,
    "Cache-Control": cacheControl,
    "X-Content-Type-Options": "nosniff",
    // An image opened on its own gets no script, style or frame (defence in depth: SVG is refused anyway).
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
  const match = c.req.header("if-none-match");
  if (match?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) return c.body(null, 304, headers);
  return c.body(new Uint8Array(logo.bytes), 200, headers);
}
