// Issue 10 demo data for the moderation console's queues that the other seeds leave empty: a promotion awaiting
// moderation (R7.2), a phone day whose report is overdue (R7.3), audit findings — a server re-audit that found
// the NFR footer gone and an extension report (A1–A7, R6.2c) — an A4 trademark flag (R1.6b), and Альфа's badge
// seen on a domain it has not registered (R2.8).
import { addWorkingDays, type CivilDate } from "@partner-trust/rules";
import { moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { trademarkFlag } from "../program/domains/domains.ts";
import { REPORT_WORKING_DAYS } from "../program/phone-days/bookings.ts";
import { loadWorkCalendar } from "../program/phone-days/calendar.ts";
import { agoFrom, dayAgoFrom, type SeedContext } from "./context.ts";

export async function seedModerationDemo(
  ctx: SeedContext,
  partnerIds: Record<string, string>,
): Promise<void> {
  const { db, now, accountIds } = ctx;
  const { alfa, beta, volga } = partnerIds;
  if (!alfa || !beta || !volga) return;
  const ago = agoFrom(now);
  const dayAgo = dayAgoFrom(now);
  const calendar = await loadWorkCalendar(db);
  await db.insert(s.promotions).values({
    partnerId: beta,
    title: "Скидка 15 % на внедрение интернет-магазина",
    body: "Внедрим интернет-магазин на «1С-Битрикс: Управление сайтом» со скидкой 15 % до конца квартала.",
    startsOn: moscowDay(now),
    endsOn: moscowDay(new Date(now.getTime() + 45 * 86_400_000)),
    state: "pending",
    submittedBy: accountIds.partner,
    createdAt: ago(2),
  });
  // R7.3: a phone day three weeks ago, no report yet: past its fifth working day.
  const day = dayAgo(21) as CivilDate;
  await db.insert(s.phoneDayBookings).values({
    partnerId: volga,
    day,
    state: "confirmed",
    reportDueOn: addWorkingDays(day, REPORT_WORKING_DAYS, calendar),
    createdAt: ago(30),
  });
  const serverReport = crypto.randomUUID();
  const extensionReport = crypto.randomUUID();
  await db.insert(s.auditReports).values([
    {
      id: serverReport,
      partnerId: beta,
      url: "https://beta-studio.ru/",
      host: "beta-studio.ru",
      source: "server",
      verdict: "follow_up",
      note: "Повторная проверка NFR-сайта / NFR site re-audit",
      createdAt: ago(1),
    },
    {
      id: extensionReport,
      partnerId: volga,
      url: "https://volga-digital.ru/",
      host: "volga-digital.ru",
      source: "extension",
      auditorUserId: accountIds.moderator,
      note: "Карточка расходится с сайтом / The card differs from the site",
      createdAt: ago(3),
    },
  ]);
  await db.insert(s.auditFindings).values([
    {
      reportId: serverReport,
      ruleId: "A1",
      outcome: "fail",
      evidence: [],
      message: {
        ru: "Нет подписи «Работает на 1С-Битрикс» в подвале",
        en: "No “Powered by 1C-Bitrix” in the footer",
      },
    },
    {
      reportId: extensionReport,
      ruleId: "A2",
      outcome: "needs_review",
      evidence: [],
      message: {
        ru: "Телефон на сайте не совпадает с карточкой",
        en: "The site's phone differs from the card",
      },
    },
  ]);
  await db.insert(s.moderationLog).values([
    {
      actorUserId: "system:reaudit",
      at: ago(1),
      action: "audit.needs_review",
      targetType: "audit_report",
      targetId: serverReport,
      reason: "A1 fails after a pass",
    },
    // The same entry adding such a domain writes (program/domains).
    trademarkFlag(volga, "bitrix-volga.ru", ago(4))!,
  ]);
  await db.insert(s.badgePlacements).values({
    partnerId: alfa,
    host: "alfa-web-copy.ru",
    widget: "badge",
    verified: "unverified",
    day: dayAgo(1),
    requests: 37,
    firstSeenAt: ago(6),
    lastSeenAt: ago(1),
  });
}
