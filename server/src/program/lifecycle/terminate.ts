// R1.5a–c: terminations by the partner (≥ one month's notice), by the vendor or by agreement. Scheduling
// sets `partners.terminated_at` (00:00 MSK of the day), which the status code honours: the daily
// recompute on that day — or at once, through applyStatus, for a termination dated today or earlier —
// turns the status to none, revokes every NFR license and ends the discount; the widgets follow.

import { type CivilDate, earliestPartnerTermination } from "@partner-trust/rules";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Clock, moscowDay, moscowMidnight } from "../../clock.ts";
import { expectChanged, isRowMoved, runAtomically } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { AppError, conflict, noSuchPartner, notFound } from "../../errors/index.ts";
import { mailStatements, mainUserEmails } from "../../mail/partner.ts";
import { loadMails } from "../mail-templates/store.ts";
import { applyStatus } from "../status/apply.ts";
import { partnerChanged } from "../status/events.ts";
import { cancellationMail, terminationMail } from "./mail.ts";

export type TerminationRequest = { by: s.TerminationInitiator; on: CivilDate; reason?: string | undefined };

export type TerminationView = {
  id: string;
  partnerId: string;
  by: s.TerminationInitiator;
  on: CivilDate;
  noticeOn: CivilDate;
  reason: string | null;
  /** scheduled: before its day; ended: the partnership ended on `on`; cancelled: withdrawn before its day. */
  state: "scheduled" | "ended" | "cancelled";
  requestedBy: string;
  requestedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
};

const invalid = (path: string, detail: string) =>
  new AppError("validation", detail, [{ path, message: detail }]);

function view(row: typeof s.terminations.$inferSelect, today: CivilDate): TerminationView {
  return {
    id: row.id,
    partnerId: row.partnerId,
    by: row.initiator,
    on: row.on,
    noticeOn: row.noticeOn,
    reason: row.reason,
    state: row.state === "cancelled" ? "cancelled" : row.on <= today ? "ended" : "scheduled",
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
  };
}

/** R1.5b, R1.5a: the dates each initiator may choose, checked against today (Moscow). */
export function checkTerminationDate(req: TerminationRequest, today: CivilDate): void {
  if (req.by === "partner") {
    const earliest = earliestPartnerTermination(today);
    if (req.on < earliest) {
      throw invalid(
        "on",
        `Партнёр прекращает участие с уведомлением не менее чем за месяц: самая ранняя дата — ${earliest} / ` +
          `A partner terminating on its own initiative gives at least one month's notice: the earliest date is ${earliest}.`,
      );
    }
  } else if (req.by === "vendor") {
    if (req.on < today) {
      throw invalid(
        "on",
        `Дата прекращения по инициативе вендора — не ранее сегодняшнего дня (${today}) / A vendor termination is dated today (${today}) or later.`,
      );
    }
    if (!req.reason?.trim()) {
      throw invalid(
        "reason",
        "Укажите причину прекращения по инициативе вендора / A vendor termination needs a reason.",
      );
    }
  }
}

/** The partner's name and state, and its main users' addresses (the lifecycle mails' recipients); 404 for no such partner. */
async function partnerContact(db: Db, partnerId: string) {
  const [row] = await db
    .select({ name: s.partners.name, status: s.partners.status, terminatedAt: s.partners.terminatedAt })
    .from(s.partners)
    .where(eq(s.partners.id, partnerId));
  if (!row) throw noSuchPartner();
  return { ...row, emails: await mainUserEmails(db, partnerId) };
}

/**
 * Schedules a termination (who may ask for which initiator is the route's concern). Logged in the
 * moderation log and mailed to the main user in the same write batch; a date today or earlier takes
 * effect at once.
 */
export async function scheduleTermination(
  db: Db,
  partnerId: string,
  req: TerminationRequest,
  actorUserId: string,
  { clock }: { clock: Clock },
): Promise<TerminationView> {
  const partner = await partnerContact(db, partnerId);
  const now = clock.now();
  const today = moscowDay(now);
  if (partner.status === "none")
    throw conflict("Партнёрство уже прекращено / The partnership has already ended.");
  if (partner.terminatedAt) {
    const on = moscowDay(partner.terminatedAt);
    throw conflict(
      `Прекращение партнёрства уже назначено на ${on}; сначала его нужно отменить / A termination is already scheduled for ${on}; cancel it first.`,
    );
  }
  checkTerminationDate(req, today);
  const reason = req.reason?.trim() || null;
  const row = {
    id: crypto.randomUUID(),
    partnerId,
    initiator: req.by,
    on: req.on,
    noticeOn: today,
    reason,
    requestedBy: actorUserId,
    requestedAt: now,
    state: "scheduled" as const,
    cancelledBy: null,
    cancelledAt: null,
    cancelReason: null,
    createdAt: now,
  };
  const mails = await loadMails(db);
  try {
    await runAtomically(db, [
      // Compare-and-swap: a termination scheduled meanwhile fails the whole batch.
      db
        .update(s.partners)
        .set({ terminatedAt: moscowMidnight(req.on), terminationNoticeAt: now })
        .where(sql`${s.partners.id} = ${partnerId} and ${s.partners.terminatedAt} is null`)
        .getSQL(),
      expectChanged(),
      db.insert(s.terminations).values(row).getSQL(),
      db
        .insert(s.moderationLog)
        .values({
          actorUserId,
          at: now,
          action: "partner.termination",
          targetType: "partner",
          targetId: partnerId,
          reason: `by ${req.by} on ${req.on}${reason ? `: ${reason}` : ""}`,
        })
        .getSQL(),
      ...mailStatements(
        db,
        partner.emails,
        terminationMail(mails, partner.name, { by: req.by, on: req.on, reason }),
        now,
      ),
    ]);
  } catch (err) {
    if (isRowMoved(err)) throw conflict("Прекращение уже назначено / A termination was scheduled meanwhile.");
    throw err;
  }
  // R1.5c: dated today (or earlier, by agreement): the status ends now, not at the next recompute.
  if (req.on <= today) await applyStatus(db, partnerId, today, { clock });
  else partnerChanged(db, [partnerId]);
  return view(row, today);
}

/** Staff cancel a scheduled termination before its day; logged, mailed, the partner stays a partner. */
export async function cancelTermination(
  db: Db,
  partnerId: string,
  by: { userId: string; reason: string },
  { clock }: { clock: Clock },
): Promise<TerminationView> {
  const partner = await partnerContact(db, partnerId);
  const now = clock.now();
  const today = moscowDay(now);
  const [scheduled] = await db
    .select()
    .from(s.terminations)
    .where(and(eq(s.terminations.partnerId, partnerId), eq(s.terminations.state, "scheduled")))
    .orderBy(desc(s.terminations.requestedAt))
    .limit(1);
  if (!scheduled) throw notFound("Прекращение партнёрства не назначено / No termination is scheduled.");
  if (scheduled.on <= today) {
    throw conflict(
      `Партнёрство уже прекращено ${scheduled.on}; отменить нельзя / The partnership ended on ${scheduled.on}; it cannot be cancelled.`,
    );
  }
  const mails = await loadMails(db);
  try {
    await runAtomically(db, [
      db
        .update(s.terminations)
        .set({ state: "cancelled", cancelledBy: by.userId, cancelledAt: now, cancelReason: by.reason })
        .where(sql`${s.terminations.id} = ${scheduled.id} and ${s.terminations.state} = 'scheduled'`)
        .getSQL(),
      expectChanged(),
      db
        .update(s.partners)
        .set({ terminatedAt: null, terminationNoticeAt: null })
        .where(eq(s.partners.id, partnerId))
        .getSQL(),
      db
        .insert(s.moderationLog)
        .values({
          actorUserId: by.userId,
          at: now,
          action: "partner.termination_cancel",
          targetType: "partner",
          targetId: partnerId,
          reason: `termination on ${scheduled.on} cancelled: ${by.reason}`,
        })
        .getSQL(),
      ...mailStatements(
        db,
        partner.emails,
        cancellationMail(mails, partner.name, scheduled.on, by.reason),
        now,
      ),
    ]);
  } catch (err) {
    if (isRowMoved(err))
      throw conflict("Прекращение уже отменено / The termination was cancelled meanwhile.");
    throw err;
  }
  partnerChanged(db, [partnerId]);
  return view(
    { ...scheduled, state: "cancelled", cancelledBy: by.userId, cancelledAt: now, cancelReason: by.reason },
    today,
  );
}

/** The partner's scheduled or ended termination, and every earlier (cancelled) one. */
export async function terminationsOf(db: Db, partnerId: string, { clock }: { clock: Clock }) {
  const today = moscowDay(clock.now());
  const rows = await db
    .select()
    .from(s.terminations)
    .where(eq(s.terminations.partnerId, partnerId))
    .orderBy(desc(s.terminations.requestedAt));
  const all = rows.map((r) => view(r, today));
  return { current: all.find((t) => t.state !== "cancelled"), history: all };
}
