// R5.5a–b: admins edit the QM data (mandatory tests, the call's questionnaire). Rated questions and reported
// tests stay readable as they were: a row's wording never changes — a new row replaces it and the old one is
// retired (`active = false`); only the order and the active flag change in place. Every edit is logged.
import { eq, max } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { moderationLog, qmQuestions, qmTests } from "../../db/schema/index.ts";
import { conflict, notFound, validationError } from "../../errors/index.ts";

const log = (
  db: Db,
  adminId: string,
  now: Date,
  action: string,
  targetType: string,
  targetId: string,
  reason: string,
) => db.insert(moderationLog).values({ actorUserId: adminId, at: now, action, targetType, targetId, reason });

export async function addQuestion(
  db: Db,
  input: { textRu: string; textEn: string; scaleMin: number; scaleMax: number; adminId: string },
  { clock }: { clock: Clock },
) {
  if (input.scaleMin >= input.scaleMax) {
    throw validationError([
      {
        path: "scaleMax",
        message: "Шкала: максимум больше минимума / The scale's maximum must exceed its minimum",
      },
    ]);
  }
  const [last] = await db.select({ n: max(qmQuestions.position) }).from(qmQuestions);
  const id = crypto.randomUUID();
  const row = {
    id,
    position: (last?.n ?? 0) + 1,
    textRu: input.textRu,
    textEn: input.textEn,
    scaleMin: input.scaleMin,
    scaleMax: input.scaleMax,
  };
  const now = clock.now();
  await db.batch([
    db.insert(qmQuestions).values(row),
    log(db, input.adminId, now, "qm.question.add", "qm_question", id, input.textRu),
  ]);
  return { ...row, active: true };
}

export async function changeQuestion(
  db: Db,
  input: { questionId: string; active?: boolean | undefined; position?: number | undefined; adminId: string },
  { clock }: { clock: Clock },
) {
  const [row] = await db.select().from(qmQuestions).where(eq(qmQuestions.id, input.questionId));
  if (!row) throw notFound("Нет такого вопроса / No such question.");
  const set = {
    ...(input.active !== undefined && { active: input.active }),
    ...(input.position !== undefined && { position: input.position }),
  };
  const now = clock.now();
  await db.batch([
    db.update(qmQuestions).set(set).where(eq(qmQuestions.id, row.id)),
    log(db, input.adminId, now, "qm.question.change", "qm_question", row.id, JSON.stringify(set)),
  ]);
  return { ...row, ...set };
}

export async function addTest(
  db: Db,
  input: { code: string; titleRu: string; titleEn: string; adminId: string },
  { clock }: { clock: Clock },
) {
  const [existing] = await db.select({ id: qmTests.id }).from(qmTests).where(eq(qmTests.code, input.code));
  if (existing) throw conflict(`Тест «${input.code}» уже есть / Test "${input.code}" exists.`);
  const [last] = await db.select({ n: max(qmTests.position) }).from(qmTests);
  const id = crypto.randomUUID();
  const row = {
    id,
    code: input.code,
    position: (last?.n ?? 0) + 1,
    titleRu: input.titleRu,
    titleEn: input.titleEn,
  };
  await db.batch([
    db.insert(qmTests).values(row),
    log(db, input.adminId, clock.now(), "qm.test.add", "qm_test", id, input.code),
  ]);
  return { ...row, active: true };
}

export async function changeTest(
  db: Db,
  input: { code: string; active?: boolean | undefined; position?: number | undefined; adminId: string },
  { clock }: { clock: Clock },
) {
  const [row] = await db.select().from(qmTests).where(eq(qmTests.code, input.code));
  if (!row) throw notFound("Нет такого теста / No such test.");
  const set = {
    ...(input.active !== undefined && { active: input.active }),
    ...(input.position !== undefined && { position: input.position }),
  };
  await db.batch([
    db.update(qmTests).set(set).where(eq(qmTests.id, row.id)),
    log(db, input.adminId, clock.now(), "qm.test.change", "qm_test", row.id, JSON.stringify(set)),
  ]);
  return { ...row, ...set };
}
