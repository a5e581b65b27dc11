// R7.3 "Order a site by phone": a partner applies for a working day in the Moscow office (10:00–19:00);
// a day takes as many partners as its capacity (data: phone_day_capacity, one by default); the report is due
// within five working days after the day (the engine's working-day arithmetic).
import { addWorkingDays, type CivilDate, isOverdue, isWorkingDay } from "@partner-trust/rules";
import { and, asc, count, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { leads, moderationLog, partners, phoneDayBookings, phoneDayCapacity } from "../../db/schema/index.ts";
import { conflict, noSuchPartner, notFound, validationError } from "../../errors/index.ts";
import { insertWhen } from "../leads/gated-insert.ts";
import { loadWorkCalendar } from "./calendar.ts";

/** R7.3 decision: one partner per working day unless the day's row says otherwise. */
export const DEFAULT_DAY_CAPACITY = 1;
/** R7.3 decision: the report is due within five working days. */
export const REPORT_WORKING_DAYS = 5;

export type Booking = typeof phoneDayBookings.$inferSelect;
const taking = ["requested", "confirmed", "done"] as const;

const capacityOf = (day: string) =>
  sql`coalesce((select ${phoneDayCapacity.capacity} from ${phoneDayCapacity} where ${phoneDayCapacity.day} = ${day}), ${DEFAULT_DAY_CAPACITY})`;

/**
 * R7.3: books the day if it is a future working day with a free place. The place is taken by ONE
 * conditional insert (count of the day's bookings < its capacity), so two partners racing for the last
 * place never both get it.
 */
export async function bookDay(
  db: Db,
  partnerId: string,
  day: CivilDate,
  userId: string,
  { clock }: { clock: Clock },
) {
  const today = moscowDay(clock.now()) as CivilDate;
  const calendar = await loadWorkCalendar(db);
  if (day <= today)
    throw validationError([
      { path: "day", message: "Выберите день начиная с завтрашнего / Choose a day from tomorrow on" },
    ]);
  if (!isWorkingDay(day, calendar))
    throw validationError([{ path: "day", message: "Это нерабочий день / Not a working day" }]);
  const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw noSuchPartner();
  const id = crypto.randomUUID();
  const reportDueOn = addWorkingDays(day, REPORT_WORKING_DAYS, calendar);
  const b = phoneDayBookings;
  const result = await db.run(
    insertWhen(
      b,
      { id, partnerId, day, state: "confirmed", requestedBy: userId, reportDueOn, createdAt: clock.now() },
      sql`(select count(*) from ${b} where ${b.day} = ${day} and ${b.state} in ('requested', 'confirmed', 'done')) < ${capacityOf(day)}
        and not exists (select 1 from ${b} where ${b.partnerId} = ${partnerId} and ${b.day} = ${day} and ${b.state} <> 'cancelled')`,
    ),
  );
  if (result.rowsAffected !== 1) {
    const [mine] = await db
      .select({ id: b.id })
      .from(b)
      .where(and(eq(b.partnerId, partnerId), eq(b.day, day), inArray(b.state, [...taking])));
    throw conflict(
      mine
        ? "Вы уже записаны на этот день / You have already booked this day."
        : "На этот день мест нет, выберите другой / This day is fully booked, choose another.",
    );
  }
  return { id, partnerId, day, state: "confirmed" as const, reportDueOn };
}

/** R7.3: the working days in [from, to] with their capacity and places left. */
export async function availability(db: Db, from: CivilDate, to: CivilDate) {
  const calendar = await loadWorkCalendar(db);
  const booked = await db
    .select({ day: phoneDayBookings.day, n: count() })
    .from(phoneDayBookings)
    .where(
      and(
        gte(phoneDayBookings.day, from),
        lte(phoneDayBookings.day, to),
        inArray(phoneDayBookings.state, [...taking]),
      ),
    )
    .groupBy(phoneDayBookings.day);
  const caps = await db
    .select()
    .from(phoneDayCapacity)
    .where(and(gte(phoneDayCapacity.day, from), lte(phoneDayCapacity.day, to)));
  const bookedOn = new Map(booked.map((r) => [r.day, r.n]));
  const capOn = new Map(caps.map((r) => [r.day, r.capacity]));
  const days = [];
  for (let d = from; d <= to; d = addWorkingDays(d, 1, calendar)) {
    if (!isWorkingDay(d, calendar)) continue;
    const capacity = capOn.get(d) ?? DEFAULT_DAY_CAPACITY;
    const taken = bookedOn.get(d) ?? 0;
    days.push({ day: d, capacity, booked: taken, free: Math.max(0, capacity - taken) });
  }
  return days;
}

/** R7.3: the partner files the day's report; late reports are accepted and marked late. */
export async function fileReport(
  db: Db,
  partnerId: string,
  bookingId: string,
  report: string,
  userId: string,
  { clock }: { clock: Clock },
) {
  const [booking] = await db.select().from(phoneDayBookings).where(eq(phoneDayBookings.id, bookingId));
  if (!booking || booking.partnerId !== partnerId) throw notFound("Запись не найдена / No such booking.");
  const today = moscowDay(clock.now()) as CivilDate;
  if (booking.day > today) throw conflict("День ещё не наступил / The day has not come yet.");
  if (booking.state !== "confirmed") throw conflict("Отчёт уже сдан / The report was already filed.");
  const now = clock.now();
  const done = await db
    .update(phoneDayBookings)
    .set({ state: "done", report, reportSubmittedAt: now, reportedBy: userId })
    .where(and(eq(phoneDayBookings.id, bookingId), eq(phoneDayBookings.state, "confirmed")))
    .returning({ id: phoneDayBookings.id });
  if (done.length !== 1) throw conflict("Отчёт уже сдан / The report was already filed.");
  return { id: bookingId, state: "done" as const, late: today > (booking.reportDueOn ?? today) };
}

/** R7.3: a booking as staff and the partner see it: leads taken, report due, overdue. */
async function bookingsView(db: Db, rows: (Booking & { partnerName: string })[], today: CivilDate) {
  const calendar = await loadWorkCalendar(db);
  const ids = rows.map((r) => r.id);
  const taken = ids.length
    ? await db
        .select({ bookingId: leads.phoneDayBookingId, n: count() })
        .from(leads)
        .where(inArray(leads.phoneDayBookingId, ids))
        .groupBy(leads.phoneDayBookingId)
    : [];
  const leadsOf = new Map(taken.map((t) => [t.bookingId, t.n]));
  return rows.map((r) => ({
    id: r.id,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    day: r.day,
    state: r.state,
    reportDueOn: r.reportDueOn,
    reportSubmittedAt: r.reportSubmittedAt?.toISOString() ?? null,
    report: r.report,
    leads: leadsOf.get(r.id) ?? 0,
    // Overdue: the day is over, no report, and today is past the fifth working day after it.
    overdue:
      r.state === "confirmed" &&
      r.day < today &&
      isOverdue(r.day as CivilDate, today, REPORT_WORKING_DAYS, calendar),
  }));
}

export async function partnerBookings(db: Db, partnerId: string, { clock }: { clock: Clock }) {
  const rows = await db
    .select({ b: phoneDayBookings, partnerName: partners.name })
    .from(phoneDayBookings)
    .innerJoin(partners, eq(partners.id, phoneDayBookings.partnerId))
    .where(eq(phoneDayBookings.partnerId, partnerId))
    .orderBy(desc(phoneDayBookings.day));
  return bookingsView(
    db,
    rows.map((r) => ({ ...r.b, partnerName: r.partnerName })),
    moscowDay(clock.now()) as CivilDate,
  );
}

/** Staff: every booking, by day; `overdue` only the overdue reports. */
export async function allBookings(db: Db, { clock, overdueOnly }: { clock: Clock; overdueOnly: boolean }) {
  const rows = await db
    .select({ b: phoneDayBookings, partnerName: partners.name })
    .from(phoneDayBookings)
    .innerJoin(partners, eq(partners.id, phoneDayBookings.partnerId))
    .orderBy(asc(phoneDayBookings.day), asc(phoneDayBookings.createdAt));
  const view = await bookingsView(
    db,
    rows.map((r) => ({ ...r.b, partnerName: r.partnerName })),
    moscowDay(clock.now()) as CivilDate,
  );
  return overdueOnly ? view.filter((v) => v.overdue) : view;
}

/** R7.3: admins set a day's capacity (data); logged. */
export async function setDayCapacity(
  db: Db,
  day: CivilDate,
  capacity: number,
  actorUserId: string,
  { clock }: { clock: Clock },
) {
  await db.batch([
    db
      .insert(phoneDayCapacity)
      .values({ day, capacity })
      .onConflictDoUpdate({ target: phoneDayCapacity.day, set: { capacity } }),
    db.insert(moderationLog).values({
      actorUserId,
      at: clock.now(),
      action: "phone_day.capacity",
      targetType: "phone_day",
      targetId: day,
      reason: `capacity ${capacity}`,
    }),
  ]);
  return { day, capacity };
}
