// End to end in real headless Chromium with the BUILT extension (wxt build --mode e2e): the real server
// (demo seed), a fixture site under a seeded project's host, sign-in as the demo moderator, the audit run
// in place from the side panel page bound to the site's tab, evidence shown on the page, the report
// submitted and found again through GET /api/v1/audit-reports?host=.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { browser } from "wxt/browser";
import { startServer } from "./server.ts";
import { startSite } from "./site.ts";

// Functions passed to worker.evaluate() run in the extension's service worker.
declare const chrome: typeof browser;

const EXTENSION = fileURLToPath(new URL("../.output/chrome-mv3-e2e", import.meta.url));
const HOST = "alfa-client-1.ru"; // a credited project of the demo partner «Веб-студия Альфа»
const KEY = "NFR-ALFA-0001"; // that project's registered key (seed)
const MODERATOR = { email: "moderator@partner-trust.local", password: "moderator-demo" };

let server: Awaited<ReturnType<typeof startServer>>;
let site: Awaited<ReturnType<typeof startSite>>;
let context: BrowserContext;
let worker: Worker;
let profile: string;
let extensionId: string;

beforeAll(async () => {
  [server, site] = await Promise.all([startServer(), startSite(KEY)]);
  profile = mkdtempSync(join(tmpdir(), "pt-ext-profile-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
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
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  extensionId = new URL(worker.url()).host;
});

afterAll(async () => {
  await context?.close();
  await Promise.all([server?.close(), site?.close()]);
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const ext = (path: string) => `chrome-extension://${extensionId}/${path}`;

describe("extension e2e (headless Chromium, built extension)", () => {
  let sitePage: Page;
  let panel: Page;

  it("signs in as the demo moderator from the options page (bearer token stored)", async () => {
    const options = await context.newPage();
    await options.goto(ext("options.html"));
    await options.fill("input[name=server]", server.url);
    await options.fill("input[name=email]", MODERATOR.email);
    await options.fill("input[name=password]", MODERATOR.password);
    await options.click("button[type=submit]");
    await expect(options.getByTestId("signed-in").textContent()).resolves.toBe(MODERATOR.email);
    const stored = await worker.evaluate(() => chrome.storage.local.get("session"));
    expect((stored.session as { token: string }).token.length).toBeGreaterThan(10);
    await options.close();
  });

  it("audits the live page in place: finds the project, crawls, A1 fails on the live page only", async () => {
    sitePage = await context.newPage();
    await sitePage.goto(`http://${HOST}:${site.port}/`);
    await expect(sitePage.locator("footer").isHidden()).resolves.toBe(true);
    const tabId = await worker.evaluate(
      async (host) => (await chrome.tabs.query({ url: `http://${host}/*` }))[0]?.id,
      HOST,
    );
    expect(tabId).toBeTypeOf("number");
    panel = await context.newPage();
    await panel.goto(ext(`sidepanel.html?tabId=${tabId}`));
    await expect(panel.getByTestId("site").textContent()).resolves.toBe(HOST);
    // The server matched the site to the seeded project.
    await panel.getByTestId("target").locator("option").first().waitFor({ state: "attached" });
    expect(await panel.getByTestId("target").textContent()).toContain(HOST);
    await panel.getByTestId("run").click();
    const a1 = panel.locator('[data-rule="A1"]');
    await a1.waitFor({ timeout: 60_000 });
    expect(await a1.getAttribute("data-verdict")).toBe("fail");
    // A3: the project's key, compared by hash (the extension never sees the raw key).
    expect(await panel.locator('[data-rule="A3"]').getAttribute("data-verdict")).toBe("pass");
    // The crawler reached the other pages; their footers (static HTML) pass, the live page fails.
    const pages = panel.getByTestId("pages").locator("li");
    expect(await pages.count()).toBe(5);
    expect(await pages.first().getAttribute("data-verdict")).toBe("fail");
    expect(await pages.first().textContent()).toMatch(/display: none|скрыт/);
    expect(await panel.getByTestId("pages").locator('li[data-verdict="pass"]').count()).toBe(4);
    // The fixture site saw the crawler's requests, including the re-fetch of the start page for headers.
    expect(site.requests).toContain("/about.html");
  });

  it("shows the evidence on the page (outline overlay in a shadow root)", async () => {
    await panel.locator('[data-rule="A1"] [data-testid="show-evidence"]').first().click();
    await expect
      .poll(() => sitePage.evaluate(() => document.querySelector("partner-trust-highlight") !== null))
      .toBe(true);
  });

  it("screenshots the element as evidence (captureVisibleTab cropped to its box)", async () => {
    await panel.locator('[data-rule="A1"] [data-testid="screenshot-evidence"]').first().click();
    await panel
      .locator(".shots img")
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(async (e) => {
        throw new Error(
          `${e}: ${await panel
            .getByTestId("error")
            .textContent()
            .catch(() => "")}`,
        );
      });
    const src = await panel.locator(".shots img").first().getAttribute("src");
    expect(src).toMatch(/^data:image\/jpeg;base64,/);
    expect(src!.length).toBeGreaterThan(1000);
  });

  it("submits the report with a verdict and note; the server lists it for the host", async () => {
    await panel.locator('input[name="verdict"][value="confirm"]').check();
    await panel.fill("textarea[name=note]", "Футер скрыт скриптом на главной / footer hidden by a script");
    await panel.getByTestId("submit").click();
    await panel.getByTestId("submitted").waitFor();
    await panel.getByTestId("history").locator("li").first().waitFor();

    const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify(MODERATOR),
    });
    const token = signIn.headers.get("set-auth-token");
    const res = await fetch(`${server.url}/api/v1/audit-reports?host=${HOST}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: {
        verdict: string;
        note: string;
        findings: { rule: string; verdict: string }[];
        projectId: string | null;
      }[];
    };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      verdict: "confirm",
      note: expect.stringContaining("Футер"),
      screenshots: 1,
    });
    expect(items[0]?.projectId).toBeTruthy();
    expect(items[0]?.findings.find((f) => f.rule === "A1")?.verdict).toBe("fail");
  });
});
