// R7 demo data: a lead awaiting moderation (written "СПб"), Альфа's current promotion and its phone day on the
// next working day (the published leads and a proposal come from activity.ts).
import { addWorkingDays, type CivilDate } from "@partner-trust/rules";
import { moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { cityKey } from "../program/cities/normalize.ts";
import { REPORT_WORKING_DAYS } from "../program/phone-days/bookings.ts";
import { loadWorkCalendar } from "../program/phone-days/calendar.ts";
import { agoFrom, dayAgoFrom, type SeedContext } from "./context.ts";

export async function seedMarketingDemo(ctx: SeedContext, partnerIds: Record<string, string>): Promise<void> {
  const { db, now, accountIds } = ctx;
  const alfa = partnerIds.alfa;
  if (!alfa) return;
  const ago = agoFrom(now);
  const dayAgo = dayAgoFrom(now);
  // The foundation seed (activity.ts) has the published leads and Альфа's proposal: this adds a lead
  // awaiting moderation, written the way clients write it.
  await db.insert(s.leads).values({
    clientUserId: null,
    description: "Корпоративный сайт производственной компании с личным кабинетом дилера",
    budgetRub: 450_000,
    contactName: "Ольга Смирнова",
    contactEmail: "olga.smirnova@example.ru",
    city: "Санкт-Петербург",
    cityKey: cityKey("СПб"),
    maxProposals: 5,
    state: "pending",
    confirmedAt: ago(1),
    createdAt: ago(1),
  });
  await db.insert(s.promotions).values({
    partnerId: alfa,
    title: "Аудит сайта на 1С-Битрикс бесплатно",
    body: "До конца года проведём бесплатный аудит производительности и безопасности вашего сайта на 1С-Битрикс.",
    startsOn: dayAgo(10),
    endsOn: moscowDay(new Date(now.getTime() + 60 * 86_400_000)),
    state: "approved",
    submittedBy: accountIds.partner,
    decidedBy: accountIds.moderator,
    decidedAt: ago(9),
    createdAt: ago(10),
  });
  const calendar = await loadWorkCalendar(db);
  const day = addWorkingDays(moscowDay(now) as CivilDate, 1, calendar);
  await db.insert(s.phoneDayBookings).values({
    partnerId: alfa,
    day,
    state: "confirmed",
    requestedBy: accountIds.partner,
    reportDueOn: addWorkingDays(day, REPORT_WORKING_DAYS, calendar),
    createdAt: ago(5),
  });
}
