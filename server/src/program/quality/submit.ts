// R5.5a: QM stage 1 — the partner sends the quality monitor's results for one of its credited projects and the
// client representative's contacts; the submission waits in the moderators' queue for the call (stage 2).

import { and, asc, eq, ne } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import { isUniqueViolation } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import { projects, qmSubmissions, qmTests } from "../../db/schema/index.ts";
import { conflict, type FieldError, notFound, validationError } from "../../errors/index.ts";

export type TestResultInput = { code: string; passed: boolean; explanation?: string | undefined };

/** Stored per test: `overridden` = failed in the monitor, set to passed with the partner's explanation. */
export type StoredTestResult = {
  code: string;
  passed: boolean;
  overridden: boolean;
  explanation: string | null;
};

export type QmSubmissionInput = {
  partnerId: string;
  projectId: string;
  tests: readonly TestResultInput[];
  clientContact: { name: string; phone: string; email?: string | undefined };
  userId: string;
};

/**
 * R5.5a: every active mandatory test reported once; a failed one counts only with an explanation (then it is
 * "passed, overridden"). Unknown codes, duplicates, missing tests and bare failures are 422s naming the field.
 */
export function checkTests(
  mandatory: readonly { code: string }[],
  tests: readonly TestResultInput[],
): StoredTestResult[] {
  const known = new Set(mandatory.map((t) => t.code));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  tests.forEach((t, i) => {
    if (!known.has(t.code)) {
      errors.push({
        path: `tests.${i}.code`,
        message: `Неизвестный тест «${t.code}» / Unknown quality monitor test "${t.code}"`,
      });
    } else if (seen.has(t.code)) {
      errors.push({
        path: `tests.${i}.code`,
        message: `Тест «${t.code}» указан дважды / Test "${t.code}" given twice`,
      });
    }
    seen.add(t.code);
    if (!t.passed && !t.explanation?.trim()) {
      errors.push({
        path: `tests.${i}.explanation`,
        message:
          "Обязательный тест не пройден: объясните, почему его можно считать пройденным / A mandatory test failed: explain why it may count as passed",
      });
    }
  });
  const missing = mandatory.filter((t) => !seen.has(t.code)).map((t) => t.code);
  if (missing.length) {
    errors.push({
      path: "tests",
      message: `Нет результатов обязательных тестов: ${missing.join(", ")} / Mandatory tests missing: ${missing.join(", ")}`,
    });
  }
  if (errors.length) throw validationError(errors);
  return tests.map((t) => ({
    code: t.code,
    passed: true,
    overridden: !t.passed,
    explanation: t.explanation?.trim() || null,
  }));
}

export async function submitQm(db: Db, input: QmSubmissionInput, { clock }: { clock: Clock }) {
  const [project] = await db
    .select({ id: projects.id, state: projects.state, partnerId: projects.partnerId })
    .from(projects)
    .where(and(eq(projects.id, input.projectId), eq(projects.partnerId, input.partnerId)));
  if (!project) throw notFound("Нет такого проекта у партнёра / No such project of this partner.");
  if (project.state !== "credited") {
    throw conflict(
      "Контроль качества проводится только для зачтённых проектов / Quality monitoring is for credited projects only.",
    );
  }
  const mandatory = await db
    .select({ code: qmTests.code })
    .from(qmTests)
    .where(eq(qmTests.active, true))
    .orderBy(asc(qmTests.position));
  const tests = checkTests(mandatory, input.tests);
  const [live] = await db
    .select({ id: qmSubmissions.id })
    .from(qmSubmissions)
    .where(and(eq(qmSubmissions.projectId, input.projectId), ne(qmSubmissions.state, "rejected")));
  const duplicate = () =>
    conflict(
      "По этому проекту контроль качества уже подан (R5.5c: баллы за него начисляются один раз) / This project's QM was already submitted (R5.5c: it earns QM points once).",
    );
  if (live) throw duplicate();
  try {
    const [row] = await db
      .insert(qmSubmissions)
      .values({
        partnerId: input.partnerId,
        projectId: input.projectId,
        testResults: tests,
        clientContactName: input.clientContact.name.trim(),
        clientContactPhone: input.clientContact.phone.trim(),
        clientContactEmail: input.clientContact.email?.trim() || null,
        state: "submitted",
        submittedBy: input.userId,
        submittedAt: clock.now(),
        createdAt: clock.now(),
      })
      .returning();
    return row!;
  } catch (err) {
    // Two submissions at once: the partial unique index keeps one.
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}
