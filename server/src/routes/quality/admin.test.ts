import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { call, userWith, withQmCatalogue } from "../../program/quality/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";

describe("R5.5a–b: admins edit the QM data", () => {
  let h: Harness;
  let admin: string;
  let mod: string;
  beforeAll(async () => {
    h = await createHarness();
    await withQmCatalogue(h);
    admin = await userWith(h, "admin@qm.ru", { role: "admin" });
    mod = await userWith(h, "mod@qm.ru", { role: "moderator" });
  });
  afterAll(() => h.close());

  it("R5.5b: a new question joins the questionnaire; a retired one leaves it but stays readable; logged", async () => {
    const question = {
      textRu: "Отвечает ли партнёр на обращения?",
      textEn: "Does the partner answer requests?",
    };
    expect((await call(h, mod, "POST", "/admin/qm/questions", question)).status).toBe(403);
    expect(
      (await call(h, admin, "POST", "/admin/qm/questions", { ...question, scaleMin: 5, scaleMax: 5 })).status,
    ).toBe(422);
    const res = await call(h, admin, "POST", "/admin/qm/questions", { ...question, scaleMax: 10 });
    expect(res.status).toBe(201);
    const added = await body(res);
    expect(added).toMatchObject({ position: 5, scaleMin: 1, scaleMax: 10, active: true });
    let q = await body(await call(h, mod, "GET", "/qm/questionnaire"));
    expect(q.questions.at(-1)).toMatchObject({ id: added.id, textEn: question.textEn, scaleMax: 10 });

    const first = q.questions[0];
    expect((await call(h, admin, "PATCH", `/admin/qm/questions/${first.id}`, {})).status).toBe(422);
    expect((await call(h, admin, "PATCH", "/admin/qm/questions/nope", { active: false })).status).toBe(404);
    expect((await call(h, admin, "PATCH", `/admin/qm/questions/${first.id}`, { active: false })).status).toBe(
      200,
    );
    q = await body(await call(h, mod, "GET", "/qm/questionnaire"));
    expect(q.questions.map((x: { id: string }) => x.id)).not.toContain(first.id);
    const [kept] = await h.db.select().from(s.qmQuestions).where(eq(s.qmQuestions.id, first.id));
    expect(kept).toMatchObject({ textRu: first.textRu, active: false });
    const log = await h.db
      .select()
      .from(s.moderationLog)
      .where(eq(s.moderationLog.targetType, "qm_question"));
    expect(log.map((l) => l.action).sort()).toEqual(["qm.question.add", "qm.question.change"]);
  });

  it("R5.5a: a new mandatory test must then be reported; a retired one no longer is", async () => {
    const test = { code: "accessibility", titleRu: "Доступность", titleEn: "Accessibility" };
    expect((await call(h, admin, "POST", "/admin/qm/tests", { ...test, code: "Bad Code" })).status).toBe(422);
    expect((await call(h, admin, "POST", "/admin/qm/tests", test)).status).toBe(201);
    expect((await call(h, admin, "POST", "/admin/qm/tests", test)).status).toBe(409);
    expect((await call(h, admin, "PATCH", "/admin/qm/tests/seo", { active: false })).status).toBe(200);
    const { tests } = await body(await call(h, mod, "GET", "/qm/questionnaire"));
    expect(tests.map((t: { code: string }) => t.code)).toEqual([
      "security",
      "performance",
      "backup",
      "license",
      "accessibility",
    ]);
  });
});
