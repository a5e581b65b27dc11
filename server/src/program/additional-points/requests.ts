// R5.3: additional points by request (marketing activity, client reviews, support, complex projects). A moderator
// decides within 10 working days (overdue flagged), sets the amount; approval credits it through recordAccrual.
// The decision row (unique per request), the request's state, the moderation log and the e-mail go in ONE batch.

import { additionalPoints, addWorkingDays, type CivilDate, isOverdue } from "@partner-trust/rules";
import { and, asc, desc, eq } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import { isUniqueViolation, runAtomically } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { conflict, notFound } from "../../errors/index.ts";
import { mailStatements, mainUserEmails } from "../../mail/partner.ts";
import { loadCatalogue } from "../catalogue/store.ts";
import { partnerOf } from "../employees/links.ts";
import { loadMails } from "../mail-templates/store.ts";
import { recordAccrual } from "../status/apply.ts";
import { decisionMail } from "./mail.ts";

/** R5.3: a moderator decides within 10 working days. */
export const DECISION_WORKING_DAYS = 10;

export type RequestRow = typeof s.additionalPointsRequests.$inferSelect;

export function requestView(r: RequestRow) {
  return {
    id: r.id,
    partnerId: r.partnerId,
    kind: r.reason,
    description: r.description,
    evidenceUrl: r.evidenceUrl,
    state: r.state,
    points: r.points,
    submittedAt: r.submittedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    moderatorReason: r.moderatorReason,
  };
}

async function livePartner(db: Db, partnerId: string) {
  const partner = await partnerOf(db, partnerId);
  if (partner.status === "none") throw conflict("Партнёрство прекращено. / The partnership has ended.");
  return partner;
}

export async function submitRequest(
  db: Db,
  input: {
    partnerId: string;
    userId: string;
    kind: (typeof s.additionalPointsKinds)[number];
    description: string;
    evidenceUrl?: string | undefined;
  },
  { clock }: { clock: Clock },
): Promise<RequestRow> {
  await livePartner(db, input.partnerId);
  const [row] = await db
    .insert(s.additionalPointsRequests)
    .values({
      partnerId: input.partnerId,
      reason: input.kind,
      description: input.description,
      evidenceUrl: input.evidenceUrl ?? null,
      requestedBy: input.userId,
      state: "pending",
      submittedAt: clock.now(),
    })
    .returning();
  return row!;
}

export function partnerRequests(db: Db, partnerId: string) {
  return db
    .select()
    .from(s.additionalPointsRequests)
    .where(eq(s.additionalPointsRequests.partnerId, partnerId))
    .orderBy(desc(s.additionalPointsRequests.submittedAt));
}

/** Pending requests, oldest first, with the day a decision is due and whether it is overdue. */
export async function moderationQueue(db: Db, { clock }: { clock: Clock }) {
  const rows = await db
    .select({ request: s.additionalPointsRequests, partnerName: s.partners.name })
    .from(s.additionalPointsRequests)
    .innerJoin(s.partners, eq(s.partners.id, s.additionalPointsRequests.partnerId))
    .where(eq(s.additionalPointsRequests.state, "pending"))
    .orderBy(asc(s.additionalPointsRequests.submittedAt));
  const { calendar } = await loadCatalogue(db);
  const today = moscowDay(clock.now()) as CivilDate;
  return rows.map(({ request, partnerName }) => {
    const submittedOn = moscowDay(request.submittedAt) as CivilDate;
    return {
      ...requestView(request),
      partnerName,
      dueOn: addWorkingDays(submittedOn, DECISION_WORKING_DAYS, calendar),
      overdue: isOverdue(submittedOn, today, DECISION_WORKING_DAYS, calendar),
    };
  });
}

export type Decision = { approve: boolean; points?: number | undefined; reason: string };

export async function decideRequest(
  db: Db,
  input: { requestId: string; moderatorId: string; decision: Decision },
  { clock }: { clock: Clock },
): Promise<RequestRow> {
  const { requestId, moderatorId, decision } = input;
  const [request] = await db
    .select()
    .from(s.additionalPointsRequests)
    .where(eq(s.additionalPointsRequests.id, requestId));
  if (!request) throw notFound("Запрос не найден. / No such request.");
  const already = () =>
    conflict(`Запрос уже рассмотрен. / The request was already decided (${request.state}).`);
  if (request.state !== "pending") throw already();
  // R1.5c: a terminated partner earns no more points; its open requests may still be declined.
  const partner = decision.approve
    ? await livePartner(db, request.partnerId)
    : await partnerOf(db, request.partnerId);
  // R5.3: the moderator sets a positive whole amount (the engine's check); a refusal credits nothing.
  const points = decision.approve ? additionalPoints(decision.points ?? 0) : 0;
  const now = clock.now();
  const state = decision.approve ? ("approved" as const) : ("rejected" as const);
  const to = await mainUserEmails(db, partner.id);
  const templates = await loadMails(db);
  const mail = decisionMail(templates, partner.name, {
    ...decision,
    points,
    description: request.description,
  });
  const statements = [
    db
      .insert(s.additionalPointsDecisions)
      .values({
        requestId,
        approve: decision.approve,
        points,
        reason: decision.reason,
        decidedBy: moderatorId,
        decidedAt: now,
      })
      .getSQL(),
    db
      .update(s.additionalPointsRequests)
      .set({ state, points, decidedBy: moderatorId, decidedAt: now, moderatorReason: decision.reason })
      .where(
        and(eq(s.additionalPointsRequests.id, requestId), eq(s.additionalPointsRequests.state, "pending")),
      )
      .getSQL(),
    db
      .insert(s.moderationLog)
      .values({
        actorUserId: moderatorId,
        at: now,
        action: decision.approve ? "additional_points.approve" : "additional_points.reject",
        targetType: "additional_points_request",
        targetId: requestId,
        reason: decision.approve ? `${points}: ${decision.reason}` : decision.reason,
      })
      .getSQL(),
    ...mailStatements(db, to, mail, now),
  ];
  try {
    if (decision.approve) {
      await recordAccrual(
        db,
        { partnerId: partner.id, day: moscowDay(now), points, sourceType: "additional", sourceId: requestId },
        { clock },
        statements,
      );
    } else {
      await runAtomically(db, statements);
    }
  } catch (err) {
    // Another moderator's decision was written first: the unique decision row refused this one whole.
    if (isUniqueViolation(err)) throw already();
    throw err;
  }
  const [row] = await db
    .select()
    .from(s.additionalPointsRequests)
    .where(eq(s.additionalPointsRequests.id, requestId));
  return row!;
}
