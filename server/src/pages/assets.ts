// The pages' static files (assets/): one stylesheet and one tiny enhancement script, served with a content
// hash in the URL so browsers cache them for good (one round trip per page after the first).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { notFound } from "../errors/index.ts";
import { createRouter } from "../routes/router.ts";

const files = {
  "pages.css": "text/css; charset=utf-8",
  "pages.js": "text/javascript; charset=utf-8",
} as const;
type AssetName = keyof typeof files;

const loaded = new Map<AssetName, { bytes: Buffer; hash: string }>();

function load(name: AssetName) {
  let asset = loaded.get(name);
  if (!asset) {
    const bytes = readFileSync(new URL(`./assets/${name}`, import.meta.url));
    asset = { bytes, hash: createHash("sha256").update(bytes).digest("base64url").slice(0, 12) };
    loaded.set(name, asset);
  }
  return asset;
}

/** The URL of an asset, versioned by its content. */
export const assetUrl = (name: AssetName) => `/assets/${name}?v=${load(name).hash}`;

export function assetRoutes() {
  return createRouter().get("/assets/:name", (c) => {
    const name = c.req.param("name");
    if (!Object.hasOwn(files, name)) throw notFound(`No asset ${name}.`);
    const asset = load(name as AssetName);
    c.header("Content-Type", files[name as AssetName]);
    c.header("X-Content-Type-Options", "nosniff");
    c.header(
      "Cache-Control",
      c.req.query("v") === asset.hash ? "public, max-age=31536000, immutable" : "public, max-age=300",
    );
    return c.body(new Uint8Array(asset.bytes), 200);
  });
}
