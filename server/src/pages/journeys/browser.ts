// Headless Debian Chromium through playwright-core (never a downloaded browser), and the one check every
// journey makes of every page it visits: a screenshot that is not blank.
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Journeys run where Chromium is; without it they are skipped, except in CI (`.ci/run` installs it). */
export const chromiumMissing = !existsSync(CHROMIUM) && !process.env.CI;
if (chromiumMissing) {
  console.warn(
    `Browser journeys SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`,
  );
}

/**
 * `hostRules`: host names → 127.0.0.1; `secureOrigins`: http origins treated as secure (the widgets verify with
 * WebCrypto, which only secure contexts have — a partner's real site is https).
 */
export function launch(hostRules: string[] = [], secureOrigins: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...(hostRules.length ? [`--host-resolver-rules=${hostRules.join(",")}`] : []),
      ...(secureOrigins.length
        ? [`--unsafely-treat-insecure-origin-as-secure=${secureOrigins.join(",")}`]
        : []),
    ],
  });
}

/** Where the screenshots go (kept after the run for a look): <tmp>/pt-journeys/<journey>/. */
export function shotsDir(journey: string) {
  const dir = join(tmpdir(), "pt-journeys", journey);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A full-page screenshot, saved, and checked not blank: decoded in the browser, sampled on a grid — at least
 * 8 distinct colours and no colour over 97 % of the samples (a white or error-only page fails).
 */
export async function screenshot(page: Page, dir: string, name: string) {
  await page.waitForLoadState("load");
  const png = await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  const analysis = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    const counts = new Map<number, number>();
    let samples = 0;
    for (let y = 0; y < img.height; y += 3) {
      for (let x = 0; x < img.width; x += 3) {
        const i = (y * img.width + x) * 4;
        const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        samples++;
      }
    }
    return {
      width: img.width,
      height: img.height,
      colours: counts.size,
      top: Math.max(...counts.values()) / samples,
    };
  }, png.toString("base64"));
  expect(analysis.width, `${name}: width`).toBeGreaterThan(300);
  expect(analysis.colours, `${name}: distinct colours`).toBeGreaterThanOrEqual(8);
  expect(analysis.top, `${name}: share of the commonest colour`).toBeLessThan(0.97);
  return analysis;
}
