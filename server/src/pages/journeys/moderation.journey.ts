// Journey (issue 10): a moderator signs in and works every queue of the console — approves an application and a
// card change, credits a project, records a QM call, decides additional points and an NFR request, publishes a
// lead, approves a promotion, sees an overdue phone-day report, the audit findings and a badge on a domain its
// partner never registered — then an admin changes a price and a holiday and finds both in the audit trail, and
// edits an e-mail template.
// Real headless Chromium on the real server with the demo data; every page screenshotted and checked not blank.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAccessible, checkOnPhone, chromiumMissing, launch, screenshot, shotsDir } from "./browser.ts";
import { startServer } from "./server.ts";

describe.skipIf(chromiumMissing)(
  "journey: a moderator works each queue, an admin edits the catalogues",
  () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const dir = shotsDir("moderation");

    beforeAll(async () => {
      server = await startServer();
      browser = await launch();
    });
    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await server?.close();
    });

    async function signIn(who: "moderator" | "admin", next: string) {
      await context?.close();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ru-RU" });
      page = await context.newPage();
      await page.goto(`${server.url}${next}`);
      await page.waitForURL(/\/sign-in\?next=/);
      await page.getByLabel("E-mail").fill(`${who}@partner-trust.local`);
      await page.getByLabel("Пароль").fill(`${who}-demo`);
      await page.getByRole("button", { name: /Войти/ }).click();
      await page.waitForURL(`**${next}`);
    }

    /** Opens the queue, then its first item; returns the item's heading text. */
    async function openFirst(slug: string, shot: string) {
      await page.goto(`${server.url}/moderation/${slug}`);
      await screenshot(page, dir, `${shot}-queue`);
      await checkAccessible(page, `${shot}-queue`);
      await page
        .getByRole("link", { name: /Рассмотреть/ })
        .first()
        .click();
      await page.waitForURL(new RegExp(`/moderation/${slug}/[^/]+$`));
    }

    /** Sends the form whose action ends with `/action`, and expects the queue page with the saved notice. */
    async function send(slug: string, action: string, shot: string) {
      await screenshot(page, dir, `${shot}-item`);
      await checkAccessible(page, `${shot}-item`);
      await page.locator(`form[action$="/${action}"] button[type="submit"]`).click();
      await page.waitForURL(new RegExp(`/moderation/${slug}\\?done=`));
      await expect(page.locator('[role="status"]').textContent()).resolves.toContain("Решение сохранено");
    }

    it("a moderator signs in and sees every queue with its counts", async () => {
      await signIn("moderator", "/moderation");
      await expect(page.locator("h1").textContent()).resolves.toContain("Очереди модерации");
      await expect(page.locator("header nav").textContent()).resolves.toContain("Модерация");
      await screenshot(page, dir, "01-overview");
      await checkAccessible(page, "01-overview");
    });

    it("R1.2c: approves an application — the partner starts at Business", async () => {
      await openFirst("applications", "02-applications");
      await page.locator('form[action$="/approve"]').getByLabel("Комментарий").fill("Документы проверены");
      await send("applications", "approve", "02-applications");
    });

    it("R1.4c: approves a card change after reading its diff", async () => {
      await openFirst("card-changes", "03-card-changes");
      await expect(page.locator("main table").textContent()).resolves.toBeTruthy();
      await send("card-changes", "approve", "03-card-changes");
    });

    it("R5.4a: credits a project (overdue drafts are flagged)", async () => {
      await openFirst("projects", "04-projects");
      await page.locator('form[action$="/decide"]').getByLabel("Решение").selectOption("credit");
      await send("projects", "decide", "04-projects");
    });

    it("R5.5b: records the QM call with every question rated", async () => {
      await openFirst("qm", "05-qm");
      const ratings = page.locator('select[name^="rating_"]');
      const n = await ratings.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        const options = await ratings.nth(i).locator("option").allTextContents();
        await ratings.nth(i).selectOption(options.at(-1)!.trim());
      }
      await send("qm", "call", "05-qm");
    });

    it("R5.3: decides additional points — and a refusal of input shows next to its field", async () => {
      await openFirst("additional-points", "06-points");
      await page.locator('form[action$="/decide"]').getByLabel("Решение").selectOption("yes");
      await page.getByLabel("Причина").fill("Доклад на конференции 1С-Битрикс");
      // Approval without an amount: the server answers 422 with the error next to the points field.
      await page.locator('form[action$="/decide"] button[type="submit"]').click();
      await expect(page.locator("#f-points-err").textContent()).resolves.toContain("Сколько баллов");
      await screenshot(page, dir, "06-points-errors");
      await checkAccessible(page, "06-points-errors");
      await page.getByLabel("Баллы").fill("20");
      await send("additional-points", "decide", "06-points");
    });

    it("R6: decides an NFR request", async () => {
      await openFirst("nfr", "07-nfr");
      await page.locator('form[action$="/decide"]').getByLabel("Решение").selectOption("yes");
      await page.getByLabel("Причина").fill("Условия выполнены");
      await send("nfr", "decide", "07-nfr");
    });

    it("R7.1: publishes a lead", async () => {
      await openFirst("leads", "08-leads");
      await page.locator('form[action$="/decide"]').getByLabel("Решение").selectOption("yes");
      await send("leads", "decide", "08-leads");
    });

    it("R7.2: approves a promotion", async () => {
      await openFirst("promotions", "09-promotions");
      await page.locator('form[action$="/decide"]').getByLabel("Решение").selectOption("yes");
      await send("promotions", "decide", "09-promotions");
    });

    it("R5.2: credits a module's Marketplace publication — points from its price", async () => {
      await openFirst("marketplace", "09a-marketplace");
      await expect(page.locator("main").textContent()).resolves.toContain("marketplace.1c-bitrix.ru");
      await page.locator('form[action$="/decide"]').getByLabel("Решение").selectOption("yes");
      await send("marketplace", "decide", "09a-marketplace");
    });

    it("R5.2: refuses a mobile app without a note (said by its field), then with one", async () => {
      await openFirst("mobile-apps", "09b-mobile-apps");
      await page.locator('form[action$="/decide"]').getByLabel("Решение").selectOption("no");
      await page.locator('form[action$="/decide"] button[type="submit"]').click();
      await expect(page.locator("#f-note-err").textContent()).resolves.toContain("Укажите причину");
      await page.getByLabel(/^Заметка/).fill("Приложение не найдено в магазине");
      await send("mobile-apps", "decide", "09b-mobile-apps");
    });

    it("R7.3: sees the overdue phone-day report", async () => {
      await page.goto(`${server.url}/moderation/phone-days`);
      await expect(page.locator("main table").textContent()).resolves.toContain("Просрочено");
      await screenshot(page, dir, "10-phone-days");
      await checkAccessible(page, "10-phone-days");
    });

    it("A1–A7, R1.6b: sees the audit findings — the server's re-audit, the extension's report, a trademark flag", async () => {
      await page.goto(`${server.url}/moderation/audits`);
      const text = await page.locator("main table").textContent();
      expect(text).toContain("повторная проверка сервера");
      expect(text).toContain("A1");
      expect(text).toContain("товарный знак в домене");
      await screenshot(page, dir, "11-audits");
      await checkAccessible(page, "11-audits");
    });

    it("R2.8: sees a badge shown on a domain its partner has not registered", async () => {
      await page.goto(`${server.url}/moderation/badge-placements`);
      await expect(page.locator("main table").textContent()).resolves.toContain("alfa-web-copy.ru");
      await screenshot(page, dir, "12-badge-placements");
      await checkAccessible(page, "12-badge-placements");
    });

    it("R5.2: an admin changes an edition's price", async () => {
      await signIn("admin", "/admin/prices");
      await page.locator('form[action$="/edition"]').getByLabel("Редакция").selectOption("start");
      await page.locator('form[action$="/edition"]').getByLabel("Цена").fill("6500");
      await screenshot(page, dir, "13-prices");
      await checkAccessible(page, "13-prices");
      await page.locator('form[action$="/edition"] button[type="submit"]').click();
      await page.waitForURL(/\/admin\/prices\?done=edition/);
      await expect(page.locator("main").textContent()).resolves.toMatch(/6\s500/);
      await screenshot(page, dir, "14-prices-saved");
      await checkAccessible(page, "14-prices-saved");
    });

    it("working calendar: an admin adds a holiday, and the audit trail shows both changes", async () => {
      await page.goto(`${server.url}/admin/calendar`);
      const form = page.locator('form[action$="/day"]');
      await form.getByLabel("День").fill("2026-12-29");
      await form.getByLabel("Вид").selectOption("holiday");
      await page.locator('form[action$="/day"] button[type="submit"]').click();
      await page.waitForURL(/\/admin\/calendar\?done=day/);
      await expect(page.locator("main table").textContent()).resolves.toContain("29.12.2026");
      await screenshot(page, dir, "15-holidays");
      await checkAccessible(page, "15-holidays");
      await page.goto(`${server.url}/admin/moderation-log`);
      await page.getByLabel("Действие").fill("catalogue.calendar_day");
      await page.getByRole("button", { name: /Показать/ }).click();
      await page.waitForURL(/action=catalogue.calendar_day/);
      await expect(page.locator("main table").textContent()).resolves.toContain("→ holiday");
      await screenshot(page, dir, "16-audit-trail");
      await checkAccessible(page, "16-audit-trail");
    });

    it("the other catalogues open for the admin: courses and requirements, competencies, QM questionnaire, platforms", async () => {
      await page.goto(`${server.url}/admin`);
      await screenshot(page, dir, "17-catalogues");
      await checkAccessible(page, "17-catalogues");
      for (const [slug, heading] of [
        ["courses", "Курсы и требования"],
        ["competencies", "Компетенции"],
        ["questionnaire", "Анкета программы качества"],
        ["platforms", "Конкурирующие платформы"],
      ] as const) {
        await page
          .getByRole("main")
          .getByRole("link", { name: new RegExp(heading) })
          .last() // the page's list of catalogues, after the console's menu
          .click();
        await page.waitForURL(`**/admin/${slug}`);
        await expect(page.locator("h1").textContent()).resolves.toContain(heading);
        await screenshot(page, dir, `18-${slug}`);
        await checkAccessible(page, `18-${slug}`);
        await page.goto(`${server.url}/admin`);
      }
    });

    it("issue 10: an admin edits an e-mail template — a wrong placeholder is refused by its field, then saved", async () => {
      await page.goto(`${server.url}/admin/mail-templates`);
      await screenshot(page, dir, "19-mail-templates");
      await checkAccessible(page, "19-mail-templates");
      await page.locator("#t-status-renewed > details > summary").click();
      const form = () => page.getByRole("form", { name: /Статус подтверждён/ });
      const text =
        "Здравствуйте!\nСтатус «{{statusRu}}» партнёра «{{partner}}» продлён до {{until}}.\n\nHello!\n";
      await form().getByLabel("Текст письма").fill(text.replace("{{partner}}", "{{partnr}}"));
      await form()
        .getByRole("button", { name: /Сохранить/ })
        .click();
      await expect(page.locator("#f-status-renewed-text-err").textContent()).resolves.toContain("{{partnr}}");
      await screenshot(page, dir, "20-mail-templates-error");
      await checkAccessible(page, "20-mail-templates-error");
      await form().getByLabel("Текст письма").fill(text);
      await form()
        .getByRole("button", { name: /Сохранить/ })
        .click();
      await page.waitForURL(/\/admin\/mail-templates\?done=edit/);
      await expect(page.locator("#t-status-renewed-h + p").textContent()).resolves.toContain("Изменён");
      await screenshot(page, dir, "21-mail-templates-saved");
      await checkAccessible(page, "21-mail-templates-saved");
    });

    it("responsive: the console and the admin pages fit a phone screen without sideways scrolling", async () => {
      await checkOnPhone(context, dir, [
        [`${server.url}/moderation`, "22-phone-console"],
        [`${server.url}/moderation/projects`, "23-phone-projects"],
        [`${server.url}/admin/prices`, "24-phone-prices"],
        [`${server.url}/admin/mail-templates`, "25-phone-mail-templates"],
        [`${server.url}/admin/moderation-log`, "26-phone-audit-trail"],
      ]);
    });
  },
);
