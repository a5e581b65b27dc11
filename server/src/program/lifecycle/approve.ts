// R1.2c: approving an application — the partner (Business, R2.1), its electronic contract, the applicant
// as main user (R4E.2), a first card version, the decision, its log entry and the e-mail: ONE write batch.

import { initialStatus } from "@partner-trust/rules";
import { eq, sql } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import { expectChanged, isRowMoved, runAtomically } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { conflict, notFound } from "../../errors/index.ts";
import { mailStatement } from "../../mail/partner.ts";
import { normaliseRuPhone } from "../cards/fields.ts";
import { loadMails } from "../mail-templates/store.ts";
import { partnerChanged } from "../status/events.ts";
import { approvalMail } from "./mail.ts";

export type Approval = {
  partnerId: string;
  status: "business";
  contractNumber: string;
  contractDate: string;
  mainUserId: string;
};

type ApplicationState = (typeof s.applications.$inferSelect)["state"];

/** Why an application that is not awaiting moderation cannot be approved (Russian, then English). */
const notApprovable: Record<Exclude<ApplicationState, "submitted">, string> = {
  approved: "Заявка уже одобрена / The application is already approved.",
  rejected:
    "Заявка отклонена; одобрить её нельзя — нужна новая заявка / The application was rejected and cannot be approved; a new application is needed.",
  needs_info:
    "Заявка ждёт ответа заявителя на вопрос модератора; одобрить её можно после ответа / The application awaits the applicant's answer to the moderator's question; it can be approved once answered.",
};

/** A contract number unique by construction: the day and a random suffix (a clash fails the unique index). */
const contractNumber = (day: string) =>
  `PT-${day.replaceAll("-", "")}-${crypto.randomUUID().replaceAll("-", "").slice(0, 6).toUpperCase()}`;

export async function approveApplication(
  db: Db,
  applicationId: string,
  by: { userId: string; note?: string | undefined },
  { clock }: { clock: Clock },
): Promise<Approval> {
  const [app] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
  if (!app) throw notFound("Заявка не найдена / No such application.");
  if (app.state !== "submitted") throw conflict(notApprovable[app.state]);
  const now = clock.now();
  const today = moscowDay(now);
  const partnerId = crypto.randomUUID();
  const contract = { number: contractNumber(today), date: today };
  const state = initialStatus(today);
  const mail = approvalMail(await loadMails(db), app.companyName, contract);
  const statements = [
    db
      .insert(s.partners)
      .values({
        id: partnerId,
        name: app.companyName,
        legalKind: app.legalKind,
        city: app.city,
        approvedAt: now,
        // R2.1: Business from the approval day, no term end.
        status: state.status,
        statusSince: state.since,
        statusUntil: state.until,
        contractAt: now,
        createdAt: now,
      })
      .getSQL(),
    // Compare-and-swap on the application (after the partner it points to): a concurrent decision makes the guard fail the whole batch.
    db
      .update(s.applications)
      .set({ state: "approved", partnerId, decidedAt: now, moderatorNote: by.note ?? app.moderatorNote })
      .where(sql`${s.applications.id} = ${applicationId} and ${s.applications.state} = 'submitted'`)
      .getSQL(),
    expectChanged(),
    db
      .insert(s.statusTerms)
      .values({ partnerId, status: state.status, startsOn: state.since, createdAt: now })
      .getSQL(),
    db
      .insert(s.contracts)
      .values({
        partnerId,
        number: contract.number,
        concludedOn: contract.date,
        concludedAt: now,
        applicationId,
        createdAt: now,
      })
      .getSQL(),
    // R4E.2: the applicant is the main user, who holds every flag; nothing to accept, they asked to join.
    db
      .insert(s.employeeLinks)
      .values({
        partnerId,
        userId: app.userId,
        level: "main",
        marketplace: true,
        leads: true,
        invitation: "accepted",
        invitedBy: by.userId,
        invitedAt: now,
        respondedAt: now,
        createdAt: now,
      })
      .getSQL(),
    // R1.4c: the card starts as the application's data, approved with it; not published until completed.
    db
      .insert(s.cardVersions)
      .values({
        partnerId,
        version: 1,
        state: "approved",
        name: app.companyName,
        // R1.4a: the contact lists as the card stores them (phones in E.164 when the number is Russian).
        phones: [normaliseRuPhone(app.contactPhone) ?? app.contactPhone],
        emails: [app.contactEmail.toLowerCase()],
        city: app.city,
        website: app.website,
        publishOnSite: false,
        submittedBy: app.userId,
        submittedAt: app.submittedAt,
        reviewedBy: by.userId,
        reviewedAt: now,
        reviewNote: "approved with the application (R1.2c)",
      })
      .getSQL(),
    db
      .insert(s.moderationLog)
      .values({
        actorUserId: by.userId,
        at: now,
        action: "application.approve",
        targetType: "application",
        targetId: applicationId,
        reason: `partner ${partnerId}, contract ${contract.number} of ${contract.date}${by.note ? `: ${by.note}` : ""}`,
      })
      .getSQL(),
    mailStatement(db, app.contactEmail, mail, now),
  ];
  try {
    await runAtomically(db, statements);
  } catch (err) {
    if (isRowMoved(err))
      throw conflict(
        "Заявку только что рассмотрел другой модератор / The application was just decided by another moderator.",
      );
    throw err;
  }
  partnerChanged(db, [partnerId]);
  return {
    partnerId,
    status: "business",
    contractNumber: contract.number,
    contractDate: contract.date,
    mainUserId: app.userId,
  };
}
