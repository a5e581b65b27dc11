// R5.5b: QM stage 2 — a moderator records the client call (a rating for every question of the questionnaire).
// Completion credits the license's point cost through recordAccrual (R5.5b–c) and makes the partner a QM
// participant (R2.3 decision: the completion counts in the status conditions and the W3 seal).

import { pointsForEdition } from "@partner-trust/rules";
import { and, asc, eq } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import { expectChanged, isRowMoved, runAtomically } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import {
  editions,
  moderationLog,
  partners,
  projects,
  qmCallRatings,
  qmQuestions,
  qmSubmissions,
} from "../../db/schema/index.ts";
import { conflict, type FieldError, notFound, validationError } from "../../errors/index.ts";
import { mailStatements, mainUserEmails } from "../../mail/partner.ts";
import { loadCatalogue } from "../catalogue/store.ts";
import { loadMails } from "../mail-templates/store.ts";
import { type AppliedStatus, recordAccrual } from "../status/apply.ts";
import { qualityMails } from "./mail.ts";

export type RatingInput = { questionId: string; rating: number; comment?: string | undefined };

type Question = { id: string; scaleMin: number; scaleMax: number };

/** R5.5b: every active question rated exactly once, on its scale; anything else is a 422 naming the field. */
export function checkRatings(questions: readonly Question[], ratings: readonly RatingInput[]): void {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  ratings.forEach((r, i) => {
    const q = byId.get(r.questionId);
    if (!q) {
      errors.push({
        path: `ratings.${i}.questionId`,
        message: "Нет такого вопроса анкеты / No such questionnaire question",
      });
      return;
    }
    if (seen.has(q.id)) {
      errors.push({
        path: `ratings.${i}.questionId`,
        message: "Вопрос оценён дважды / Question rated twice",
      });
    }
    seen.add(q.id);
    if (!Number.isInteger(r.rating) || r.rating < q.scaleMin || r.rating > q.scaleMax) {
      errors.push({
        path: `ratings.${i}.rating`,
        message: `Оценка от ${q.scaleMin} до ${q.scaleMax} / A rating from ${q.scaleMin} to ${q.scaleMax}`,
      });
    }
  });
  const missing = questions.filter((q) => !seen.has(q.id));
  if (missing.length) {
    errors.push({
      path: "ratings",
      message: `Оцените все вопросы анкеты (не оценено: ${missing.length}) / Rate every question (${missing.length} unrated)`,
    });
  }
  if (errors.length) throw validationError(errors);
}

async function queued(db: Db, submissionId: string) {
  const [row] = await db
    .select({
      id: qmSubmissions.id,
      state: qmSubmissions.state,
      partnerId: qmSubmissions.partnerId,
      partnerName: partners.name,
      host: projects.host,
      editionCode: editions.code,
    })
    .from(qmSubmissions)
    .innerJoin(partners, eq(partners.id, qmSubmissions.partnerId))
    .innerJoin(projects, eq(projects.id, qmSubmissions.projectId))
    .leftJoin(editions, eq(editions.id, projects.editionId))
    .where(eq(qmSubmissions.id, submissionId));
  if (!row) throw notFound("Нет такой заявки контроля качества / No such QM submission.");
  if (row.state !== "submitted") {
    throw conflict(
      `Заявка уже обработана (${row.state}) / The submission is no longer waiting for a call (${row.state}).`,
    );
  }
  return row;
}

export type CallResult = { submissionId: string; partnerId: string; points: number; status: AppliedStatus };

export async function recordCall(
  db: Db,
  input: {
    submissionId: string;
    ratings: readonly RatingInput[];
    moderatorId: string;
    note?: string | undefined;
  },
  { clock }: { clock: Clock },
): Promise<CallResult> {
  const sub = await queued(db, input.submissionId);
  const questions = await db
    .select({ id: qmQuestions.id, scaleMin: qmQuestions.scaleMin, scaleMax: qmQuestions.scaleMax })
    .from(qmQuestions)
    .where(eq(qmQuestions.active, true))
    .orderBy(asc(qmQuestions.position));
  checkRatings(questions, input.ratings);
  if (!sub.editionCode) {
    throw conflict(
      "У проекта не указана редакция: стоимость лицензии неизвестна / The project has no edition: no point cost.",
    );
  }
  // R5.5b: points equal to the license's point cost (R5.2), from the catalogue the engine reads.
  const points = pointsForEdition(await loadCatalogue(db), sub.editionCode);
  const now = clock.now();
  const to = await mainUserEmails(db, sub.partnerId);
  const mails = await loadMails(db);
  const statements = [
    db
      .update(qmSubmissions)
      .set({ state: "completed", completedAt: now, calledBy: input.moderatorId, points })
      .where(and(eq(qmSubmissions.id, sub.id), eq(qmSubmissions.state, "submitted")))
      .getSQL(),
    expectChanged(),
    db
      .insert(qmCallRatings)
      .values(
        input.ratings.map((r) => ({
          submissionId: sub.id,
          questionId: r.questionId,
          rating: r.rating,
          comment: r.comment?.trim() || null,
          ratedBy: input.moderatorId,
          ratedAt: now,
        })),
      )
      .getSQL(),
    db
      .insert(moderationLog)
      .values({
        actorUserId: input.moderatorId,
        at: now,
        action: "qm.complete",
        targetType: "qm_submission",
        targetId: sub.id,
        reason: input.note?.trim() || `${sub.host}: ${points} points (R5.5b)`,
      })
      .getSQL(),
    ...mailStatements(
      db,
      to,
      mails.render(qualityMails.completed, { host: sub.host, partner: sub.partnerName, points }),
      now,
    ),
  ];
  try {
    await runAtomically(db, statements);
  } catch (err) {
    if (isRowMoved(err))
      throw conflict("Заявка уже обработана / The submission was just handled by someone else.");
    throw err;
  }
  // The completion is written first, so the status judged with the accrual sees the QM participation (R2.3).
  const status = await recordAccrual(
    db,
    { partnerId: sub.partnerId, day: moscowDay(now), points, sourceType: "qm", sourceId: sub.id },
    { clock },
  );
  return { submissionId: sub.id, partnerId: sub.partnerId, points, status };
}

/** A moderator turns stage 1 down (client unreachable, results unconvincing); the project may be submitted again. */
export async function rejectSubmission(
  db: Db,
  input: { submissionId: string; moderatorId: string; reason: string },
  { clock }: { clock: Clock },
): Promise<void> {
  const sub = await queued(db, input.submissionId);
  const now = clock.now();
  const to = await mainUserEmails(db, sub.partnerId);
  const mails = await loadMails(db);
  try {
    await runAtomically(db, [
      db
        .update(qmSubmissions)
        .set({
          state: "rejected",
          rejectedAt: now,
          rejectedBy: input.moderatorId,
          rejectReason: input.reason,
        })
        .where(and(eq(qmSubmissions.id, sub.id), eq(qmSubmissions.state, "submitted")))
        .getSQL(),
      expectChanged(),
      db
        .insert(moderationLog)
        .values({
          actorUserId: input.moderatorId,
          at: now,
          action: "qm.reject",
          targetType: "qm_submission",
          targetId: sub.id,
          reason: input.reason,
        })
        .getSQL(),
      ...mailStatements(
        db,
        to,
        mails.render(qualityMails.declined, { host: sub.host, reason: input.reason }),
        now,
      ),
    ]);
  } catch (err) {
    if (isRowMoved(err))
      throw conflict("Заявка уже обработана / The submission was just handled by someone else.");
    throw err;
  }
}
