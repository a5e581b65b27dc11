// Headless Debian Chromium through playwright-core (never a downloaded browser), and the one check every
// journey makes of every page it visits: a screenshot that is not blank.
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
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

/** What an embedded widget fetches: its token and the keys (together), and the footer-check report (W4). */
const widgetData = [/\/api\/v1\/public\/partners\/[^/]+\/status$/, /\/\.well-known\/jwks\.json$/];
const widgetReport = /\/api\/v1\/public\/partners\/[^/]+\/footer-checks$/;

/**
 * Issue 10, "no page needs more than one round trip of data": the server renders a page with its data, so the
 * page itself fetches nothing (fetch/XHR) after the document. A page with our widgets lets them fetch their
 * token and keys — started together, one round trip — and send the footer report, nothing else.
 */
async function checkOneRoundTrip(page: Page, name: string, widgets: boolean) {
  const fetched = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => e.initiatorType === "fetch" || e.initiatorType === "xmlhttprequest")
      .map((e) => ({
        url: new URL(e.name).pathname,
        start: e.startTime,
        end: e.responseEnd,
        // 0: answered from the browser's cache (the keys on a second page), or a cross-origin entry without
        // Timing-Allow-Origin: nothing to time.
        network: e.transferSize > 0,
      })),
  );
  if (!widgets) {
    expect(
      fetched.map((f) => f.url),
      `${name}: data fetched after the page`,
    ).toEqual([]);
    return;
  }
  const data = fetched.filter((f) => widgetData.some((re) => re.test(f.url)));
  expect(
    fetched.filter((f) => !data.includes(f) && !widgetReport.test(f.url)).map((f) => f.url),
    name,
  ).toEqual([]);
  expect(
    data.map((f) => widgetData.findIndex((re) => re.test(f.url))).sort(),
    `${name}: token and keys`,
  ).toEqual([0, 1]);
  // Both requests were on their way before either answer came back (timed where both went over the network:
  // the cabinet's preview on its first visit).
  if (data.every((f) => f.network))
    expect(Math.max(...data.map((f) => f.start)), `${name}: keys fetched alongside the token`).toBeLessThan(
      Math.min(...data.map((f) => f.end)),
    );
}

/**
 * A full-page screenshot, saved, and checked not blank: decoded in the browser, sampled on a grid — at least
 * 8 distinct colours and no colour over 97 % of the samples (a white or error-only page fails).
 */
export async function screenshot(page: Page, dir: string, name: string, options: { widgets?: boolean } = {}) {
  await page.waitForLoadState("load");
  await checkOneRoundTrip(page, name, options.widgets ?? false);
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

/**
 * The accessibility basics every server-rendered page keeps: one `main` and one `h1`, a skip link to the main
 * content, a label (or aria-label) on every visible form control, unique ids, alt text on images, a name on
 * every button and link, `lang` on the document, AA contrast of every visible text, and a first Tab that shows the
 * skip link with a focus outline — checked in the page as the browser sees it.
 */
export async function checkAccessible(page: Page, name: string) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) =>
      (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
    if (document.documentElement.lang !== "ru") out.push("html lang is not ru");
    if (document.querySelectorAll("main").length !== 1) out.push("not exactly one <main>");
    if (document.querySelectorAll("h1").length !== 1) out.push("not exactly one <h1>");
    if (!document.querySelector('a[href="#main"]')) out.push("no skip link to #main");
    for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
      const control = el as HTMLInputElement;
      if (visible(el) && !control.labels?.length && !el.getAttribute("aria-label"))
        out.push(`unlabelled ${el.outerHTML.slice(0, 80)}`);
    }
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) out.push(`duplicate id ${id}`);
    for (const img of document.querySelectorAll("img"))
      if (!img.hasAttribute("alt")) out.push(`img without alt ${img.src}`);
    for (const el of document.querySelectorAll("button, a[href]")) {
      const text = (el.textContent ?? "").trim() || el.getAttribute("aria-label") || el.getAttribute("title");
      if (visible(el) && !text) out.push(`unnamed ${el.outerHTML.slice(0, 80)}`);
    }
    // WCAG AA contrast of every visible text: 4.5:1, 3:1 for large text (24px, or 18.66px bold).
    const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgba(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c[3] ?? 0) > 0) return c;
      }
      return [255, 255, 255];
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (!node.textContent?.trim() || !visible(el) || el.closest("svg, [aria-hidden=true]")) continue;
      const style = getComputedStyle(el);
      const fg = rgba(style.color);
      const bg = background(el);
      const alpha = fg[3] ?? 1;
      const mixed = fg.slice(0, 3).map((v, i) => v * alpha + bg[i]! * (1 - alpha));
      const [hi, lo] = [lum(mixed), lum(bg)].sort((a, b) => b - a);
      const ratio = (hi! + 0.05) / (lo! + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        out.push(
          `contrast ${ratio.toFixed(2)} "${node.textContent.trim().slice(0, 40)}" (${style.color} on rgb(${bg.slice(0, 3)}))`,
        );
    }
    return out;
  });
  expect(problems, `${name}: accessibility basics`).toEqual([]);
  // Focus: the first Tab reaches the skip link, shown on screen with a visible outline.
  await page.evaluate(() => {
    // Start from the top of the document, wherever the journey last clicked.
    const top = document.documentElement;
    top.tabIndex = -1;
    top.focus();
    top.removeAttribute("tabindex");
  });
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const box = el.getBoundingClientRect();
    return {
      href: el.getAttribute("href"),
      outline: getComputedStyle(el).outlineStyle,
      left: box.left,
      top: box.top,
    };
  });
  expect(focused, `${name}: the first Tab`).toMatchObject({ href: "#main" });
  expect(focused.outline, `${name}: focus outline`).not.toBe("none");
  expect(focused.left, `${name}: skip link on screen`).toBeGreaterThanOrEqual(0);
}

/**
 * Responsive: each page on a 390 px phone screen has no sideways scrolling, and passes the screenshot and
 * accessibility checks there too. `pages`: [url, screenshot name, the screenshot's options].
 */
export async function checkOnPhone(
  context: BrowserContext,
  dir: string,
  pages: readonly (readonly [url: string, name: string, options?: { widgets?: boolean }])[],
) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [url, name, options] of pages) {
    await page.goto(url);
    const overflow = await page.evaluate(() => {
      const px = document.documentElement.scrollWidth - window.innerWidth;
      // The innermost elements that stick out, to say what overflows.
      const clipped = (el: Element) => {
        for (let a = el.parentElement; a; a = a.parentElement)
          if (getComputedStyle(a).overflowX !== "visible") return true;
        return false;
      };
      const out = [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(el))
        .filter(
          (el) => ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1),
        )
        .slice(0, 3)
        .map((el) => el.outerHTML.slice(0, 100));
      return { px, out };
    });
    expect(overflow.px, `${name}: sideways overflow in px (${overflow.out.join(" | ")})`).toBeLessThanOrEqual(
      0,
    );
    await screenshot(page, dir, name, options);
    await checkAccessible(page, name);
  }
  await page.close();
}
