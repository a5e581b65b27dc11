// R7.3: staff record each call taken on a partner's phone day as a lead assigned to that partner —
// published for that partner only (R7.1b visibility), one proposal (its own), logged, mailed to its leads e-mail.
import type { CivilDate } from "@partner-trust/rules";
import { eq } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { emailOutbox, leads, moderationLog, phoneDayBookings } from "../../db/schema/index.ts";
import { conflict, notFound } from "../../errors/index.ts";
import { type LeadInput, leadColumns } from "../leads/leads.ts";
import { leadPushMail } from "../leads/mails.ts";
import { leadPartner } from "../leads/partners.ts";
import { loadMails } from "../mail-templates/store.ts";

export async function recordCall(
  db: Db,
  bookingId: string,
  input: Omit<LeadInput, "maxProposals">,
  actorUserId: string,
  { clock, publicUrl }: { clock: Clock; publicUrl: string },
) {
  const [booking] = await db.select().from(phoneDayBookings).where(eq(phoneDayBookings.id, bookingId));
  if (!booking) throw notFound("Запись не найдена / No such booking.");
  if (booking.state === "cancelled") throw conflict("Запись отменена / The booking was cancelled.");
  const today = moscowDay(clock.now()) as CivilDate;
  if (booking.day > today) throw conflict("День ещё не наступил / The day has not come yet.");
  const partner = await leadPartner(db, booking.partnerId);
  const now = clock.now();
  const lead = {
    id: crypto.randomUUID(),
    ...leadColumns(input),
    maxProposals: 1,
    state: "published" as const,
    confirmedAt: now,
    assignedPartnerId: booking.partnerId,
    phoneDayBookingId: booking.id,
    publishedAt: now,
    decidedBy: actorUserId,
    decidedAt: now,
    createdAt: now,
  };
  const templates = await loadMails(db);
  await db.batch([
    db.insert(leads).values(lead),
    db.insert(moderationLog).values({
      actorUserId,
      at: now,
      action: "phone_day.lead",
      targetType: "lead",
      targetId: lead.id,
      reason: `phone day ${booking.day}, booking ${booking.id}`,
    }),
    ...(partner?.leadsEmail
      ? [
          db
            .insert(emailOutbox)
            .values(leadPushMail(templates, partner.leadsEmail, booking.partnerId, lead, publicUrl, now)),
        ]
      : []),
  ]);
  return {
    id: lead.id,
    partnerId: booking.partnerId,
    bookingId: booking.id,
    city: lead.city,
    state: lead.state,
  };
}
