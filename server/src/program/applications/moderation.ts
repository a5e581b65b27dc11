// R1.2b: the applications' moderation — the queue (oldest first, overdue after 3 working days of the catalogue
// calendar) and the decisions with a reason (reject, ask for more information). Each decision, its log entry and
// the applicant's e-mail (Russian, then English) are one write batch, gated on the application still awaiting
// moderation. Served by the API (routes/application-moderation) and the moderation console's pages.
import { type CivilDate, isOverdue } from "@partner-trust/rules";
import { and, asc, eq, sql } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { applications, emailOutbox, moderationLog } from "../../db/schema/index.ts";
import { conflict, notFound } from "../../errors/index.ts";
import { outboxRow } from "../../mail/partner.ts";
import { insertWhen } from "../leads/gated-insert.ts";
import { loadMails } from "../mail-templates/store.ts";
import { loadWorkCalendar } from "../phone-days/calendar.ts";
import { decisionMail } from "./mail.ts";

export const REVIEW_WORKING_DAYS = 3;

export async function applicationQueue(db: Db, { clock }: { clock: Clock }) {
  const [rows, calendar] = await Promise.all([
    db
      .select()
      .from(applications)
      .where(eq(applications.state, "submitted"))
      .orderBy(asc(applications.submittedAt)),
    loadWorkCalendar(db),
  ]);
  const today = moscowDay(clock.now()) as CivilDate;
  return rows.map((r) => ({
    ...r,
    overdue: isOverdue(moscowDay(r.submittedAt) as CivilDate, today, REVIEW_WORKING_DAYS, calendar),
  }));
}

export async function decideApplication(
  db: Db,
  input: { applicationId: string; actorUserId: string; to: "rejected" | "needs_info"; reason: string },
  { clock }: { clock: Clock },
) {
  const { applicationId, actorUserId, to, reason } = input;
  const [app] = await db.select().from(applications).where(eq(applications.id, applicationId));
  if (!app) throw notFound("Заявка не найдена / No such application.");
  if (app.state !== "submitted")
    throw conflict(
      `Заявка не ожидает модерации (${app.state}) / The application is ${app.state}, not awaiting moderation.`,
    );
  const now = clock.now();
  const mail = decisionMail(await loadMails(db), to, app.companyName, reason);
  // The log entry only if the update took the application, the mail only if the log entry was written.
  const previousWrote = sql`changes() = 1`;
  const [updated] = await db.batch([
    db
      .update(applications)
      .set({ state: to, moderatorNote: reason, decidedAt: to === "rejected" ? now : null })
      .where(and(eq(applications.id, applicationId), eq(applications.state, "submitted"))),
    db.run(
      insertWhen(
        moderationLog,
        {
          actorUserId,
          at: now,
          action: to === "rejected" ? "application.reject" : "application.request_info",
          targetType: "application",
          targetId: applicationId,
          reason,
        },
        previousWrote,
      ),
    ),
    db.run(insertWhen(emailOutbox, outboxRow(app.contactEmail, mail, now), previousWrote)),
  ]);
  if ((updated as { rowsAffected: number }).rowsAffected !== 1)
    throw conflict("Заявку уже рассмотрели / The application was decided meanwhile.");
  return { state: to };
}
