import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moscowDay } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { seedCatalogue } from "../../program/catalogue/store.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { account, call, type SignedIn, team } from "../employees/team.ts";

describe("courses, certificates, training (R4C.1–3, R8)", () => {
  let h: Harness;
  let admin: SignedIn;
  let moderator: SignedIn;
  let t: Awaited<ReturnType<typeof team<"main" | "full" | "limited" | "certified">>>;
  const today = moscowDay(new Date());
  beforeAll(async () => {
    h = await createHarness();
    await seedCatalogue(h.db);
    admin = await account(h, "admin", "admin");
    moderator = await account(h, "moderator", "moderator");
    t = await team(h, {
      main: { level: "main" },
      full: { level: "full" },
      limited: { level: "limited" },
      certified: { level: "certified" },
    });
  });
  afterAll(() => h.close());

  const certify = (payload: unknown, by = admin) =>
    h.app.request("/api/v1/admin/certificates", call(by.cookie, "POST", payload));
  const training = async (by: SignedIn = t.users.main) =>
    body(await h.app.request(`/api/v1/partners/${t.partnerId}/training`, { headers: { cookie: by.cookie } }));
  const courseCodes = async () =>
    (await body(await h.app.request("/api/v1/courses"))).items
      .filter((c: { active: boolean; kind: string }) => c.active && c.kind === "course")
      .map((c: { code: string }) => c.code);

  it("R8: the catalogue is public; only admins add and retire courses (logged)", async () => {
    const list = await body(await h.app.request("/api/v1/courses"));
    expect(list.items.map((c: { code: string }) => c.code)).toContain("developer");
    const payload = { code: "bitrix24-basic", title: "Битрикс24. Базовый" };
    expect(
      (await h.app.request("/api/v1/admin/courses", call(moderator.cookie, "POST", payload))).status,
    ).toBe(403);
    const res = await h.app.request("/api/v1/admin/courses", call(admin.cookie, "POST", payload));
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({
      code: "bitrix24-basic",
      active: true,
      addedOn: today,
      retiredOn: null,
    });
    expect((await h.app.request("/api/v1/admin/courses", call(admin.cookie, "POST", payload))).status).toBe(
      409,
    );
    const bad = await h.app.request(
      "/api/v1/admin/courses",
      call(admin.cookie, "POST", { code: "Bad Code", title: "x" }),
    );
    expect((await body(bad)).errors[0].path).toBe("code");
    const [log] = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.action, "course.add"));
    expect(log?.actorUserId).toBe(admin.id);
  });

  it("R4C.2: Gold gaps list, for full and limited employees only, every active course they lack — a new course at once", async () => {
    const before = await training();
    const required = await courseCodes();
    expect(before.goldGaps.map((g: { userId: string }) => g.userId).sort()).toEqual(
      [t.users.full.id, t.users.limited.id].sort(),
    );
    for (const gap of before.goldGaps) expect(gap.missingCourses).toEqual(required);

    expect(
      (await certify({ email: t.users.full.email, courseCode: "admin-basic", issuedOn: today })).status,
    ).toBe(201);
    const withOne = await training();
    const full = withOne.goldGaps.find((g: { userId: string }) => g.userId === t.users.full.id);
    expect(full.missingCourses).not.toContain("admin-basic");
    expect(
      withOne.employees.find((e: { userId: string }) => e.userId === t.users.full.id).certificates,
    ).toEqual([expect.objectContaining({ courseCode: "admin-basic", issuedOn: today, examLevel: null })]);

    // A future course is required from the day it is added…
    const added = await body(
      await h.app.request(
        "/api/v1/admin/courses",
        call(admin.cookie, "POST", { code: "new-course", title: "Новый курс" }),
      ),
    );
    const afterAdd = await training();
    expect(afterAdd.requiredCourses).toContainEqual({
      code: "new-course",
      title: "Новый курс",
      requiredFrom: today,
    });
    for (const gap of afterAdd.goldGaps) expect(gap.missingCourses).toContain("new-course");
    // …and a retired one no longer is.
    const retired = await h.app.request(
      `/api/v1/admin/courses/${added.id}`,
      call(admin.cookie, "PATCH", { active: false }),
    );
    expect(await body(retired)).toMatchObject({ active: false, retiredOn: today });
    for (const gap of (await training()).goldGaps) expect(gap.missingCourses).not.toContain("new-course");
    // R4E.4: limited users have no cabinet; certified-only employees neither.
    expect(
      (
        await h.app.request(`/api/v1/partners/${t.partnerId}/training`, {
          headers: { cookie: t.users.limited.cookie },
        })
      ).status,
    ).toBe(403);
    expect((await training(moderator)).partnerId).toBe(t.partnerId);
  });

  it("R4C.1, R2.5: a recorded certificate completes the Certified conditions and upgrades the partner at once", async () => {
    await h.db.insert(s.pointAccruals).values({
      partnerId: t.partnerId,
      day: today,
      points: 120,
      sourceType: "additional",
      sourceId: crypto.randomUUID(),
    });
    // Certified needs one admin-basic (held by the full employee) and one developer.
    const res = await certify({
      email: t.users.certified.email,
      courseCode: "developer",
      issuedOn: today,
      examLevel: "middle",
    });
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created).toMatchObject({ courseCode: "developer", examLevel: "middle" });
    expect(created.partners).toEqual([{ partnerId: t.partnerId, status: "certified" }]);
    const [p] = await h.db.select().from(s.partners).where(eq(s.partners.id, t.partnerId));
    expect(p!.status).toBe("certified");
    const [log] = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, created.id));
    expect(log?.action).toBe("certificate.record");
  });

  it("R4C.3: an exam needs a level; one certificate per course; no future date; unknown course 404; pending links do not count", async () => {
    await h.app.request(
      "/api/v1/admin/courses",
      call(admin.cookie, "POST", { code: "dev-exam", title: "Экзамен", kind: "developer_exam" }),
    );
    const noLevel = await certify({ email: t.users.full.email, courseCode: "dev-exam", issuedOn: today });
    expect(noLevel.status).toBe(422);
    expect((await body(noLevel)).errors[0].path).toBe("examLevel");
    const exam = await certify({
      email: t.users.full.email,
      courseCode: "dev-exam",
      issuedOn: today,
      examLevel: "senior",
    });
    expect(exam.status).toBe(201);
    expect(
      (await certify({ email: t.users.full.email, courseCode: "admin-basic", issuedOn: today })).status,
    ).toBe(409);
    const future = await certify({
      email: t.users.full.email,
      courseCode: "composite",
      issuedOn: "2999-01-01",
    });
    expect((await body(future)).errors[0].path).toBe("issuedOn");
    const unknown = await certify({ email: t.users.full.email, courseCode: "nope", issuedOn: today });
    expect(unknown.status).toBe(404);
    expect((await body(unknown)).errors[0].path).toBe("courseCode");
    const bad = await certify({ email: t.users.full.email, courseCode: "composite", issuedOn: "24.11.2026" });
    expect((await body(bad)).errors[0].path).toBe("issuedOn");
    expect(
      (await certify({ email: t.users.full.email, courseCode: "composite", issuedOn: today }, moderator))
        .status,
    ).toBe(403);

    const outsider = await account(h, "pending");
    await h.db.insert(s.employeeLinks).values({
      partnerId: t.partnerId,
      userId: outsider.id,
      level: "limited",
      invitedAt: new Date(),
    });
    const pending = await body(
      await certify({ email: outsider.email, courseCode: "composite", issuedOn: today }),
    );
    expect(pending.partners).toEqual([]);
  });
});
