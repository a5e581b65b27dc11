// R5.5: what the moderators' queue, the questionnaire and the partner's results pages read.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  partners,
  projects,
  qmCallRatings,
  qmQuestions,
  type qmStates,
  qmSubmissions,
  qmTests,
} from "../../db/schema/index.ts";

export type QmState = (typeof qmStates)[number];

/** R5.5a–b: the mandatory tests and the questionnaire, in order (active rows only). */
export async function questionnaire(db: Db) {
  const tests = await db
    .select()
    .from(qmTests)
    .where(eq(qmTests.active, true))
    .orderBy(asc(qmTests.position));
  const questions = await db
    .select()
    .from(qmQuestions)
    .where(eq(qmQuestions.active, true))
    .orderBy(asc(qmQuestions.position));
  return {
    tests: tests.map((t) => ({ code: t.code, position: t.position, titleRu: t.titleRu, titleEn: t.titleEn })),
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      textRu: q.textRu,
      textEn: q.textEn,
      scaleMin: q.scaleMin,
      scaleMax: q.scaleMax,
    })),
  };
}

/** Rows written before the queue used `code` named the test `test`. */
const testsOf = (value: unknown) =>
  (Array.isArray(value) ? value : []).map((t: Record<string, unknown>) => ({
    code: String(t.code ?? t.test ?? ""),
    passed: Boolean(t.passed),
    overridden: Boolean(t.overridden),
    explanation: (t.explanation as string | null | undefined) ?? null,
  }));

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The queue: submissions in `state` (waiting for the call by default), oldest first. */
export async function moderationQueue(db: Db, state: QmState = "submitted") {
  const rows = await db
    .select({ s: qmSubmissions, partnerName: partners.name, host: projects.host, title: projects.title })
    .from(qmSubmissions)
    .innerJoin(partners, eq(partners.id, qmSubmissions.partnerId))
    .innerJoin(projects, eq(projects.id, qmSubmissions.projectId))
    .where(eq(qmSubmissions.state, state))
    .orderBy(asc(qmSubmissions.submittedAt));
  return rows.map(({ s, partnerName, host, title }) => ({
    id: s.id,
    state: s.state,
    partnerId: s.partnerId,
    partnerName,
    projectId: s.projectId,
    host,
    title,
    tests: testsOf(s.testResults),
    clientContact: { name: s.clientContactName, phone: s.clientContactPhone, email: s.clientContactEmail },
    submittedAt: s.submittedAt.toISOString(),
    completedAt: iso(s.completedAt),
    rejectedAt: iso(s.rejectedAt),
    rejectReason: s.rejectReason,
  }));
}

/** R5.5b: "the partner sees each client's results" — every submission with its tests and the call's ratings. */
export async function partnerResults(db: Db, partnerId: string) {
  const rows = await db
    .select({ s: qmSubmissions, host: projects.host, title: projects.title })
    .from(qmSubmissions)
    .innerJoin(projects, eq(projects.id, qmSubmissions.projectId))
    .where(eq(qmSubmissions.partnerId, partnerId))
    .orderBy(desc(qmSubmissions.submittedAt));
  const ids = rows.map((r) => r.s.id);
  const ratings = ids.length
    ? await db
        .select({ r: qmCallRatings, q: qmQuestions })
        .from(qmCallRatings)
        .innerJoin(qmQuestions, eq(qmQuestions.id, qmCallRatings.questionId))
        .where(and(inArray(qmCallRatings.submissionId, ids)))
        .orderBy(asc(qmQuestions.position))
    : [];
  return rows.map(({ s, host, title }) => {
    const mine = ratings.filter((x) => x.r.submissionId === s.id);
    return {
      id: s.id,
      projectId: s.projectId,
      host,
      title,
      state: s.state,
      client: { name: s.clientContactName, phone: s.clientContactPhone, email: s.clientContactEmail },
      tests: testsOf(s.testResults),
      ratings: mine.map(({ r, q }) => ({
        questionId: q.id,
        textRu: q.textRu,
        textEn: q.textEn,
        rating: r.rating,
        scaleMax: q.scaleMax,
        comment: r.comment,
      })),
      averageRating: mine.length
        ? Math.round((mine.reduce((n, x) => n + x.r.rating, 0) / mine.length) * 100) / 100
        : null,
      points: s.points,
      submittedAt: s.submittedAt.toISOString(),
      completedAt: iso(s.completedAt),
      rejectReason: s.rejectReason,
    };
  });
}
