import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { call, userWith, withQmCatalogue } from "../../program/quality/test-support.ts";
import { recordAccrual } from "../../program/status/apply.ts";
import {
  createPartner,
  dayClock,
  goldTeam,
  partnerState,
  withCatalogue,
} from "../../program/status/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";

const TODAY = "2026-11-24";

describe("quality monitoring (R5.5)", () => {
  const clock = dayClock(TODAY);
  let h: Harness;
  let partner: Awaited<ReturnType<typeof createPartner>>;
  let limited: string;
  let full: string;
  let certifiedOnly: string;
  let outsider: string;
  let mod: string;
  let creditedId: string;
  let draftId: string;
  let questions: { id: string; scaleMin: number; scaleMax: number }[];
  let tests: { code: string }[];

  const project = async (partnerId: string, host: string, state: "credited" | "draft") => {
    const [business] = await h.db.select().from(s.editions).where(eq(s.editions.code, "business"));
    const [row] = await h.db
      .insert(s.projects)
      .values({
        partnerId,
        host,
        title: `Сайт ${host}`,
        editionId: business!.id,
        licenseKey: `KEY-${host}`,
        state,
        submittedAt: clock.now(),
        ...(state === "credited" ? { creditedAt: clock.now() } : {}),
      })
      .returning();
    return row!.id;
  };
  const allPassed = () => tests.map((t) => ({ code: t.code, passed: true }));
  const contact = { name: "Ирина Клиентова", phone: "+7 (495) 123-45-67", email: "irina@client.ru" };
  const allRated = (rating = 5) => questions.map((q) => ({ questionId: q.id, rating }));

  beforeAll(async () => {
    h = await createHarness({ clock });
    await withCatalogue(h.db);
    await withQmCatalogue(h);
    partner = await createPartner(h.db, {
      approvedOn: "2026-01-10",
      employees: goldTeam,
      name: "ООО Качество",
    });
    // 440 active points and the Gold team: Certified; the QM's 73 points and participation make it Gold.
    await recordAccrual(
      h.db,
      { partnerId: partner.id, day: "2026-11-01", points: 440, sourceType: "purchase", sourceId: "p-1" },
      { clock },
    );
    limited = await userWith(h, "limited@quality.ru", { partnerId: partner.id, level: "limited" });
    full = await userWith(h, "full@quality.ru", { partnerId: partner.id, level: "full" });
    certifiedOnly = await userWith(h, "cert@quality.ru", { partnerId: partner.id, level: "certified" });
    const other = await createPartner(h.db, { approvedOn: "2026-01-10", name: "ООО Другой" });
    outsider = await userWith(h, "outsider@quality.ru", { partnerId: other.id, level: "main" });
    mod = await userWith(h, "mod@quality.ru", { role: "moderator" });
    creditedId = await project(partner.id, "client-one.ru", "credited");
    draftId = await project(partner.id, "client-draft.ru", "draft");
    const q = await body(await call(h, limited, "GET", "/qm/questionnaire"));
    questions = q.questions;
    tests = q.tests;
  });
  afterAll(() => h.close());

  it("R5.5a–b: the questionnaire and the mandatory tests are data, in Russian and English", async () => {
    expect(tests.map((t) => t.code)).toEqual(["security", "performance", "backup", "license", "seo"]);
    expect(questions).toHaveLength(4);
    expect(questions[0]).toMatchObject({
      textRu: expect.stringMatching(/[а-я]/),
      textEn: expect.any(String),
      scaleMin: 1,
      scaleMax: 5,
    });
    expect((await call(h, "", "GET", "/qm/questionnaire")).status).toBe(401);
  });

  it("R5.5a: stage 1 refuses bad results naming the field; only credited projects of the partner; R4E rights", async () => {
    const post = (cookie: string, json: unknown, partnerId = partner.id) =>
      call(h, cookie, "POST", `/partners/${partnerId}/qm-submissions`, json);
    const good = { projectId: creditedId, tests: allPassed(), clientContact: contact };
    // A failed mandatory test without an explanation.
    const failed = { ...good, tests: [{ code: "security", passed: false }, ...allPassed().slice(1)] };
    let res = await post(limited, failed);
    expect(res.status).toBe(422);
    expect((await body(res)).errors).toEqual([expect.objectContaining({ path: "tests.0.explanation" })]);
    res = await post(limited, { ...good, tests: allPassed().slice(1) });
    expect(res.status).toBe(422);
    expect((await body(res)).errors).toEqual([
      expect.objectContaining({ path: "tests", message: expect.stringContaining("security") }),
    ]);
    res = await post(limited, { ...good, tests: [...allPassed(), { code: "made-up", passed: true }] });
    expect((await body(res)).errors).toEqual([expect.objectContaining({ path: "tests.5.code" })]);
    res = await post(limited, { ...good, clientContact: { name: "Ирина" } });
    expect(res.status).toBe(422);
    expect(JSON.stringify((await body(res)).errors)).toContain("clientContact.phone");
    expect((await post(limited, { ...good, projectId: draftId })).status).toBe(409);
    expect((await post(limited, { ...good, projectId: "no-such-project" })).status).toBe(404);
    // R4E.5: a certified-only employee has no partner sections; another partner's user neither.
    expect((await post(certifiedOnly, good)).status).toBe(403);
    expect((await post(outsider, good)).status).toBe(403);
    expect((await post("", good)).status).toBe(401);
  });

  it("R5.5a: a failed test overridden with an explanation is accepted; the project is in the queue once (R5.5c)", async () => {
    const tested = [
      { code: "seo", passed: false, explanation: "Клиент сам ведёт SEO, настройки его подрядчика" },
      ...allPassed().filter((t) => t.code !== "seo"),
    ];
    const res = await call(h, limited, "POST", `/partners/${partner.id}/qm-submissions`, {
      projectId: creditedId,
      tests: tested,
      clientContact: contact,
    });
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created).toMatchObject({ state: "submitted", projectId: creditedId });
    const again = await call(h, full, "POST", `/partners/${partner.id}/qm-submissions`, {
      projectId: creditedId,
      tests: allPassed(),
      clientContact: contact,
    });
    expect(again.status).toBe(409);

    expect((await call(h, limited, "GET", "/moderation/qm-submissions")).status).toBe(403);
    const queue = await body(await call(h, mod, "GET", "/moderation/qm-submissions"));
    expect(queue.items).toEqual([
      expect.objectContaining({
        id: created.id,
        state: "submitted",
        host: "client-one.ru",
        partnerName: "ООО Качество",
        clientContact: contact,
      }),
    ]);
    expect(queue.items[0].tests.find((t: { code: string }) => t.code === "seo")).toMatchObject({
      passed: true,
      overridden: true,
      explanation: expect.stringContaining("SEO"),
    });
    expect((await call(h, mod, "GET", "/moderation/qm-submissions?state=nonsense")).status).toBe(422);
  });

  it("R5.5b, R2.3, W3: the call rates every question; completion credits 73 points, makes the partner Gold and a QM participant", async () => {
    const [sub] = await h.db.select().from(s.qmSubmissions).where(eq(s.qmSubmissions.projectId, creditedId));
    const path = `/moderation/qm-submissions/${sub!.id}/call`;
    expect(await partnerState(h.db, partner.id)).toMatchObject({ status: "certified" });
    expect((await body(await h.app.request(`/api/v1/public/partners/${partner.id}`))).qmParticipant).toBe(
      false,
    );

    let res = await call(h, mod, "POST", path, { ratings: allRated().slice(1) });
    expect(res.status).toBe(422);
    expect((await body(res)).errors).toEqual([expect.objectContaining({ path: "ratings" })]);
    res = await call(h, mod, "POST", path, { ratings: allRated(6) });
    expect(res.status).toBe(422);
    expect((await body(res)).errors[0]).toMatchObject({ path: "ratings.0.rating" });
    res = await call(h, mod, "POST", path, {
      ratings: [...allRated(), { questionId: questions[0]!.id, rating: 4 }],
    });
    expect((await body(res)).errors).toEqual([
      expect.objectContaining({ path: `ratings.${questions.length}.questionId` }),
    ]);
    expect((await call(h, full, "POST", path, { ratings: allRated() })).status).toBe(403);

    const ratings = allRated(5).map((r, i) =>
      i === 1 ? { ...r, rating: 3, comment: "Сдали на неделю позже" } : r,
    );
    res = await call(h, mod, "POST", path, { ratings });
    expect(res.status).toBe(201);
    // R5.5b: the license's point cost — Business, 72,900 RUB → 73 points.
    expect(await body(res)).toMatchObject({ state: "completed", points: 73, status: "gold" });
    const accruals = await h.db
      .select()
      .from(s.pointAccruals)
      .where(and(eq(s.pointAccruals.sourceType, "qm"), eq(s.pointAccruals.sourceId, sub!.id)));
    expect(accruals).toEqual([expect.objectContaining({ partnerId: partner.id, points: 73, day: TODAY })]);
    expect(await partnerState(h.db, partner.id)).toMatchObject({ status: "gold", since: TODAY });
    // W3: the status claim (and so the seal) shows the participation at once.
    expect((await body(await h.app.request(`/api/v1/public/partners/${partner.id}`))).qmParticipant).toBe(
      true,
    );
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, sub!.id));
    expect(log).toEqual([expect.objectContaining({ action: "qm.complete", targetType: "qm_submission" })]);
    const mails = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, partner.mainEmail));
    expect(mails.map((m) => m.subject)).toContain(
      "Контроль качества пройден: client-one.ru / Quality monitoring completed: client-one.ru",
    );
    // Once only: a second call finds it done, nothing credited twice.
    expect((await call(h, mod, "POST", path, { ratings })).status).toBe(409);
    expect(
      await h.db.select().from(s.pointAccruals).where(eq(s.pointAccruals.sourceId, sub!.id)),
    ).toHaveLength(1);
  });

  it("R5.5b: the partner sees each client's results; other partners do not", async () => {
    const res = await call(h, limited, "GET", `/partners/${partner.id}/qm-results`);
    expect(res.status).toBe(200);
    const { items } = await body(res);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      host: "client-one.ru",
      state: "completed",
      points: 73,
      client: { name: contact.name },
    });
    expect(items[0].ratings).toHaveLength(questions.length);
    expect(items[0].ratings[1]).toMatchObject({
      rating: 3,
      comment: "Сдали на неделю позже",
      textEn: expect.any(String),
    });
    expect(items[0].averageRating).toBe(4.5);
    expect((await call(h, outsider, "GET", `/partners/${partner.id}/qm-results`)).status).toBe(403);
    expect((await call(h, mod, "GET", `/partners/${partner.id}/qm-results`)).status).toBe(200);
  });

  it("R5.5b: two moderators recording the same call at once — one completes it, the other gets 409, points once", async () => {
    const projectId = await project(partner.id, "client-race.ru", "credited");
    const submitted = await body(
      await call(h, full, "POST", `/partners/${partner.id}/qm-submissions`, {
        projectId,
        tests: allPassed(),
        clientContact: contact,
      }),
    );
    const other = await userWith(h, "mod2@quality.ru", { role: "moderator" });
    const path = `/moderation/qm-submissions/${submitted.id}/call`;
    const answers = await Promise.all(
      [mod, other].map((cookie) => call(h, cookie, "POST", path, { ratings: allRated(4) })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(
      await h.db.select().from(s.pointAccruals).where(eq(s.pointAccruals.sourceId, submitted.id)),
    ).toHaveLength(1);
    expect(
      await h.db.select().from(s.qmCallRatings).where(eq(s.qmCallRatings.submissionId, submitted.id)),
    ).toHaveLength(questions.length);
  });

  it("R5.5: a moderator declines a submission with a reason (logged, mailed); the project may be submitted again", async () => {
    const projectId = await project(partner.id, "client-two.ru", "credited");
    const submitOnce = () =>
      call(h, full, "POST", `/partners/${partner.id}/qm-submissions`, {
        projectId,
        tests: allPassed(),
        clientContact: contact,
      });
    const first = await body(await submitOnce());
    expect((await call(h, mod, "POST", `/moderation/qm-submissions/${first.id}/reject`, {})).status).toBe(
      422,
    );
    const res = await call(h, mod, "POST", `/moderation/qm-submissions/${first.id}/reject`, {
      reason: "Клиент не отвечает",
    });
    expect(res.status).toBe(200);
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, first.id));
    expect(log).toEqual([expect.objectContaining({ action: "qm.reject", reason: "Клиент не отвечает" })]);
    expect(
      (await call(h, mod, "POST", `/moderation/qm-submissions/${first.id}/call`, { ratings: allRated() }))
        .status,
    ).toBe(409);
    const second = await submitOnce();
    expect(second.status).toBe(201);
    const rejected = await body(await call(h, mod, "GET", "/moderation/qm-submissions?state=rejected"));
    expect(rejected.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
  });
});
