// Journey (issue 10): a client finds a Gold partner with a competency in their city in the directory, opens
// its page, then meets its badge on the partner's own site and follows it to the verification page —
// "genuine" there, "not registered to this partner" on a copycat site (W1, R2.7, R4.3).
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { publishedPartners } from "../../program/directory/cache.ts";
import { embedSnippet } from "../../routes/widgets/bundle.ts";
import { checkAccessible, checkOnPhone, chromiumMissing, launch, screenshot, shotsDir } from "./browser.ts";
import { startServer } from "./server.ts";
import { startPartnerSite } from "./site.ts";

const OWN = "alfa-web.ru"; // Альфа's registered, verified domain in the demo data
const COPYCAT = "copycat.example";

describe.skipIf(chromiumMissing)("journey: a client finds a Gold partner and verifies its badge", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let site: Awaited<ReturnType<typeof startPartnerSite>>;
  let browser: Browser;
  let context: BrowserContext;
  let alfa: { id: string; city: string; competency: { id: string; ru: string } };
  const dir = shotsDir("client");

  beforeAll(async () => {
    server = await startServer();
    const [row] = await server.booted.db
      .select()
      .from(s.partners)
      .where(eq(s.partners.name, "Веб-студия Альфа"));
    const entry = (await publishedPartners(server.booted.db, { clock: server.booted.clock })).find(
      (e) => e.id === row!.id,
    )!;
    alfa = { id: entry.id, city: entry.city, competency: entry.competencies[0]! };
    const manifest = (await (await fetch(`${server.url}/widgets/v1/manifest.json`)).json()) as {
      integrity: string;
    };
    site = await startPartnerSite(embedSnippet(server.url, manifest.integrity, alfa.id).html);
    browser = await launch(
      [`MAP ${OWN} 127.0.0.1`, `MAP ${COPYCAT} 127.0.0.1`],
      [site.url(OWN), site.url(COPYCAT)].map((u) => new URL(u).origin),
    );
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ru-RU" });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await Promise.all([server?.close(), site?.close()]);
  });

  it("R2.7, R4.3: filters the directory by city, Gold and a competency, and finds Альфа first", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Каталог партнёров");
    await screenshot(page, dir, "1-directory");
    await checkAccessible(page, "1-directory");
    await page.getByLabel("Город").selectOption(alfa.city);
    await page.getByLabel("Статус").selectOption("gold");
    await page.getByLabel("Компетенция").selectOption(alfa.competency.id);
    await page.getByRole("button", { name: /Найти/ }).click();
    await page.waitForURL(/status=gold/);
    const first = page.locator("ol.cards > li").first();
    await expect(first.locator("h2").textContent()).resolves.toBe("Веб-студия Альфа");
    await expect(first.textContent()).resolves.toContain(alfa.competency.ru);
    await screenshot(page, dir, "2-search-results");
    await checkAccessible(page, "2-search-results");
    await first.getByRole("link", { name: "Веб-студия Альфа" }).click();
    await page.waitForURL(`**/partners/${alfa.id}`);
    await expect(page.locator("main").textContent()).resolves.toContain("Золотой");
    await screenshot(page, dir, "3-partner-page");
    await checkAccessible(page, "3-partner-page");
    await page.close();
  });

  it("W1: the badge on the partner's own site is verified and its link says genuine", async () => {
    const page = await context.newPage();
    await page.goto(site.url(OWN));
    const badge = page.locator("pt-partner-badge a.root");
    await badge.waitFor();
    await expect(badge.textContent()).resolves.toContain("Веб-студия Альфа");
    await screenshot(page, dir, "4-partner-site", { widgets: true });
    const [verification] = await Promise.all([context.waitForEvent("page"), badge.click()]);
    await verification.waitForLoadState();
    expect(new URL(verification.url()).searchParams.get("host")).toBe(OWN);
    await expect(verification.locator("main").textContent()).resolves.toContain(`Значок на ${OWN} подлинный`);
    await screenshot(verification, dir, "5-verified");
    await checkAccessible(verification, "5-verified");
    await Promise.all([page.close(), verification.close()]);
  });

  it("W1: the same badge copied to another site is not registered to this partner", async () => {
    const page = await context.newPage();
    await page.goto(site.url(COPYCAT));
    const badge = page.locator("pt-partner-badge a.root");
    await badge.waitFor();
    await screenshot(page, dir, "6-copycat-site", { widgets: true });
    const [verification] = await Promise.all([context.waitForEvent("page"), badge.click()]);
    await verification.waitForLoadState();
    await expect(verification.locator("main").textContent()).resolves.toContain(
      `${COPYCAT} не зарегистрирован за этим партнёром`,
    );
    await screenshot(verification, dir, "7-not-registered");
    await checkAccessible(verification, "7-not-registered");
    await Promise.all([page.close(), verification.close()]);
  });

  it("responsive: the directory, the ratings and the partner page fit a phone screen without sideways scrolling", async () => {
    await checkOnPhone(context, dir, [
      [`${server.url}/`, "8-phone-directory"],
      [`${server.url}/competencies/${alfa.competency.id}`, "9-phone-rating"],
      [`${server.url}/partners/${alfa.id}?host=${OWN}`, "10-phone-verified"],
    ]);
  });
});
