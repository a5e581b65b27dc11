// Distribution: the widget bundle (built from widgets/) at /widgets/v1/partner-trust.js with immutable
// caching, its SRI hash in /widgets/v1/manifest.json, and the embed snippet for one partner.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { partners } from "../../db/schema/index.ts";
import { AppError, notFound } from "../../errors/index.ts";
import { createRouter } from "../router.ts";

export const BUNDLE_PATH = "/widgets/v1/partner-trust.js";
export const defaultBundleFile = fileURLToPath(
  new URL("../../../../widgets/dist/partner-trust.js", import.meta.url),
);

export type Bundle = { bytes: Buffer; integrity: string };

/** Reads the built bundle, again only when the file changed (a rebuild while the server runs). */
export function bundleReader(file: string) {
  let cached: { mtimeMs: number; size: number; bundle: Bundle } | undefined;
  return (): Bundle => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(file);
    } catch {
      throw new AppError(
        "http",
        "The widget bundle is not built: run `pnpm --filter @partner-trust/widgets build` (pnpm start does).",
      );
    }
    if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      const bytes = readFileSync(file);
      const integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, bundle: { bytes, integrity } };
    }
    return cached.bundle;
  };
}

/** The four tags (W1–W4) for one partner, after the script tag. */
export function embedSnippet(publicUrl: string, integrity: string, partnerId: string) {
  const id = partnerId.replace(/[^A-Za-z0-9_-]/g, "");
  const script = `<script type="module" src="${publicUrl}${BUNDLE_PATH}" integrity="${integrity}" crossorigin="anonymous"></script>`;
  const tags = [
    `<pt-partner-badge partner="${id}"></pt-partner-badge>`,
    `<pt-competency-emblems partner="${id}"></pt-competency-emblems>`,
    `<pt-quality-seal partner="${id}"></pt-quality-seal>`,
    `<pt-powered-by mode="check" partner="${id}"></pt-powered-by>`,
  ];
  return { script, tags, html: [script, ...tags].join("\n") };
}

export function bundleRoutes({ publicUrl, bundle }: { publicUrl: string; bundle: () => Bundle }) {
  return createRouter()
    .get(BUNDLE_PATH, (c) => {
      const { bytes, integrity } = bundle();
      c.header("Content-Type", "text/javascript; charset=utf-8");
      c.header("Cache-Control", "public, max-age=31536000, immutable");
      c.header("X-Content-Type-Options", "nosniff");
      c.header("ETag", `"${integrity}"`);
      return c.body(new Uint8Array(bytes), 200);
    })
    .get("/widgets/v1/manifest.json", (c) => {
      c.header("Cache-Control", "public, max-age=60, must-revalidate");
      return c.json({ url: `${publicUrl}${BUNDLE_PATH}`, integrity: bundle().integrity });
    });
}

export function embedRoutes({ db, publicUrl, bundle }: { db: Db; publicUrl: string; bundle: () => Bundle }) {
  return createRouter().get("/partners/:partnerId/embed", async (c) => {
    const partnerId = c.req.param("partnerId");
    const [row] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
    if (!row) throw notFound(`No partner ${partnerId}.`);
    return c.json({ partnerId, ...embedSnippet(publicUrl, bundle().integrity, partnerId) });
  });
}
