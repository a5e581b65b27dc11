// Journey (issue 10): a partner's main user signs in, sees its status and points, edits its card and sees the
// edit pending (R1.4c), adds a project whose site passes the check at once (R5.4f, a local site sending the
// license header), copies its widgets' embed code with a live preview (W1–W4), books a phone day (R7.3) and adds
// a Marketplace module update (R4E.6).
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { type ProjectSites, startProjectSites } from "../../test/project-sites.ts";
import { sections } from "../cabinet/frame.ts";
import { checkAccessible, checkOnPhone, chromiumMissing, launch, screenshot, shotsDir } from "./browser.ts";
import { startServer } from "./server.ts";

const PROJECT_HOST = "journey-shop.ru";
const PROJECT_KEY = "SM-JOURNEY-SHOP-0001";

describe.skipIf(chromiumMissing)(
  "journey: a partner edits its card, adds a project, copies its embed code",
  () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let sites: ProjectSites;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let alfa: string;
    const dir = shotsDir("partner");

    beforeAll(async () => {
      sites = await startProjectSites();
      server = await startServer({ projectSiteNetwork: sites.network });
      alfa = (
        await server.booted.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа"))
      )[0]!.id;
      browser = await launch();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ru-RU" });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await Promise.all([server?.close(), sites?.close()]);
    });

    it("R2.6: signs in and lands on its cabinet: status, active points, the points chart", async () => {
      await page.goto(`${server.url}/cabinet`);
      await page.waitForURL(/\/sign-in\?next=/);
      await screenshot(page, dir, "1-sign-in");
      await checkAccessible(page, "1-sign-in");
      await page.getByLabel("E-mail").fill("partner@partner-trust.local");
      await page.getByLabel("Пароль").fill("partner-demo");
      await page.getByRole("button", { name: /Войти/ }).click();
      await page.waitForURL(`**/cabinet/${alfa}`);
      await expect(page.locator("h1").textContent()).resolves.toContain("Статус и баллы");
      expect(await page.locator("svg.chart path").count()).toBeGreaterThanOrEqual(2);
      await screenshot(page, dir, "2-cabinet");
      await checkAccessible(page, "2-cabinet");
    });

    it("R1.4c: edits its card and sees the edit pending while the approved version stays", async () => {
      await page.getByRole("link", { name: /^Карточка/ }).click();
      await page.waitForURL(`**/cabinet/${alfa}/card`);
      await screenshot(page, dir, "3-card");
      await checkAccessible(page, "3-card");
      await page
        .getByLabel("Описание")
        .fill("Веб-студия Альфа: порталы и интернет-магазины на «1С-Битрикс» с 2010 года.");
      await page.getByRole("button", { name: /Отправить на проверку/ }).click();
      await page.waitForURL(`**/cabinet/${alfa}/card`);
      await expect(page.locator("p.warn").first().textContent()).resolves.toContain(
        "ждёт проверки модератором",
      );
      await expect(page.locator("main").textContent()).resolves.toContain("с 2010 года");
      await screenshot(page, dir, "4-card-pending");
      await checkAccessible(page, "4-card-pending");
    });

    it("R4E, R4C.2: sees its employees with their rights, and who lacks which course for Gold", async () => {
      await page.getByRole("link", { name: /^Сотрудники/ }).click();
      await page.waitForURL(`**/cabinet/${alfa}/employees`);
      await expect(page.locator("main table").textContent()).resolves.toContain("Елена Сотрудникова");
      await page.locator("main details summary").first().click(); // the change form opens without script
      await screenshot(page, dir, "5a-employees");
      await checkAccessible(page, "5a-employees");
      await page.getByRole("link", { name: /^Сертификаты/ }).click();
      await page.waitForURL(`**/cabinet/${alfa}/training`);
      await screenshot(page, dir, "5b-training");
      await checkAccessible(page, "5b-training");
    });

    it("R5.4a, R5.4f: adds a project whose site passes the check; it waits for moderation as a draft", async () => {
      const url = sites.serve(PROJECT_HOST, { license: { key: PROJECT_KEY } });
      await page.getByRole("link", { name: /^Проекты/ }).click();
      await page.waitForURL(`**/cabinet/${alfa}/projects`);
      await page.getByLabel("Адрес сайта").fill(url);
      await page.getByLabel("Название").fill("Интернет-магазин «Журнал»");
      await page.getByLabel("Редакция").selectOption("start");
      await page.getByLabel("Лицензионный ключ").fill(PROJECT_KEY);
      await page.getByLabel("Клиент", { exact: false }).first().fill("ООО «Журнал»");
      await page.getByLabel("Владелец лицензии").fill("ООО «Журнал»");
      await screenshot(page, dir, "5-project-form");
      await checkAccessible(page, "5-project-form");
      await page.getByRole("button", { name: /Добавить проект/ }).click();
      await page.waitForURL(/projects\?added=/);
      await expect(page.locator("p.ok").textContent()).resolves.toContain(PROJECT_HOST);
      const row = page.locator("tr", { hasText: PROJECT_HOST });
      await expect(row.textContent()).resolves.toContain("Черновик");
      await screenshot(page, dir, "6-project-added");
      await checkAccessible(page, "6-project-added");
    });

    it("W1–W4: copies the embed code with one click and sees the widgets live", async () => {
      await page.getByRole("link", { name: /^Виджеты/ }).click();
      await page.waitForURL(`**/cabinet/${alfa}/widgets`);
      const code = await page.locator("#embed-code").inputValue();
      expect(code).toContain(`<pt-partner-badge partner="${alfa}"></pt-partner-badge>`);
      await page.getByRole("button", { name: /Скопировать код/ }).click();
      // The copy is asynchronous: wait for the status line to say so.
      await page.locator("#embed-code-status", { hasText: "Скопировано" }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      await page.locator(".preview pt-partner-badge .root").first().waitFor();
      await screenshot(page, dir, "7-widgets", { widgets: true });
      await checkAccessible(page, "7-widgets");
    });

    it("R7.3: books a free working day for «Order a site by phone» and sees it with the report due date", async () => {
      await page.getByRole("link", { name: /^Заказ сайта по телефону/ }).click();
      await page.waitForURL(`**/cabinet/${alfa}/phone-days`);
      await screenshot(page, dir, "8-phone-days");
      await checkAccessible(page, "8-phone-days");
      const day = (await page.locator("#f-day option").nth(1).getAttribute("value"))!;
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await page.getByLabel("Рабочий день").selectOption(day);
      await page.getByRole("button", { name: /^Записаться/ }).click();
      await page.waitForURL(/phone-days\?booked=/);
      const ru = day.split("-").reverse().join(".");
      await expect(page.locator("p.ok").textContent()).resolves.toContain(`Вы записаны на ${ru}`);
      await expect(page.locator("tr", { hasText: ru }).textContent()).resolves.toContain("подтверждён");
      await screenshot(page, dir, "9-phone-day-booked");
      await checkAccessible(page, "9-phone-day-booked");
    });

    it("R4E.6: adds an update to its Marketplace module; the new version becomes the latest", async () => {
      await page.getByRole("link", { name: /^Модули Marketplace/ }).click();
      await page.waitForURL(`**/cabinet/${alfa}/marketplace`);
      const module = page.locator("section.module", { hasText: "alfa.delivery" });
      await expect(module.textContent()).resolves.toContain("1.1.0");
      await screenshot(page, dir, "10-marketplace");
      await checkAccessible(page, "10-marketplace");
      await module.locator("summary", { hasText: "Добавить обновление" }).click();
      await module.getByLabel("Версия").fill("1.2.0");
      await module.getByLabel("Что нового").fill("Доставка Boxberry и расчёт сроков.");
      await module.locator("form[action$='/updates'] button[type=submit]").click();
      await page.waitForURL(/marketplace\?done=update/);
      await expect(page.locator("p.ok").textContent()).resolves.toContain("Обновление добавлено");
      const updated = page.locator("section.module", { hasText: "alfa.delivery" });
      await expect(updated.locator("p.muted strong").textContent()).resolves.toBe("1.2.0");
      await expect(updated.locator("table").textContent()).resolves.toContain("Доставка Boxberry");
      await screenshot(page, dir, "11-marketplace-update");
      await checkAccessible(page, "11-marketplace-update");
    });

    it("R5.2: adds a published mobile app; it awaits a moderator with the points it would give", async () => {
      await page.getByRole("link", { name: /^Мобильные приложения/ }).click();
      await page.waitForURL(`**/cabinet/${alfa}/mobile-apps`);
      await page.getByLabel("Название").fill("Доставка Альфа");
      await page
        .getByLabel("Страница в магазине приложений")
        .fill("https://apps.rustore.ru/app/ru.alfa.journey");
      await page.getByLabel("Редакция, на которой сделано приложение").selectOption("business");
      await page.getByLabel("Клиент").fill("ООО «Ромашка»");
      await page.getByRole("button", { name: /^Добавить/ }).click();
      await page.waitForURL(/mobile-apps\?added=1/);
      await expect(page.locator("tr", { hasText: "Доставка Альфа" }).textContent()).resolves.toContain("≈73");
      await screenshot(page, dir, "11a-mobile-app-added");
      await checkAccessible(page, "11a-mobile-app-added");
    });

    it("responsive: every section of the cabinet fits a phone screen without sideways scrolling", async () => {
      await checkOnPhone(
        context,
        dir,
        sections.map(({ slug }) => [
          `${server.url}/cabinet/${alfa}${slug ? `/${slug}` : ""}`,
          `12-phone-${slug || "overview"}`,
          { widgets: slug === "widgets" },
        ]),
      );
    });
  },
);
