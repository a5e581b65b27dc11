// The moderation console and the admins' pages through the real app on the demo data (issue 10): who opens them,
// every queue page renders with its overdue flags, each decision form answers bad input with 422 and the error
// next to its field (nothing written), a good decision goes through the program/ function, logged, and redirects.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { seedDemo } from "../../seed/index.ts";
import { createHarness, type Harness, signIn } from "../../test/harness.ts";
import { getPage, postForm } from "../../test/http.ts";
import { adminPages } from "../admin/index.ts";
import { queues } from "./index.ts";

const bundleFile = join(mkdtempSync(join(tmpdir(), "pt-moderation-bundle-")), "partner-trust.js");
writeFileSync(bundleFile, "export {};\n");

describe("moderation console and admin catalogue pages (issue 10)", () => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness({ bundleFile });
    await seedDemo(h);
    for (const who of ["admin", "moderator", "partner"]) {
      cookies[who] = await signIn(h.app, `${who}@partner-trust.local`, `${who}-demo`);
    }
  });
  afterAll(() => h.close());

  const get = (path: string, who?: string) => getPage(h, path, who && cookies[who]);
  const post = (path: string, form: Record<string, string>, who = "moderator") =>
    postForm(h, path, form, cookies[who]);
  /** The first item of a queue, as its page links it. */
  const firstItem = async (slug: string) => {
    const { text } = await get(`/moderation/${slug}`, "moderator");
    const id = text.match(new RegExp(`href="/moderation/${slug}/([^"]+)"`))?.[1];
    expect(id, `${slug} has an item in the demo data`).toBeTruthy();
    return id!;
  };
  const logged = async (action: string, targetId: string) =>
    h.db
      .select()
      .from(s.moderationLog)
      .where(and(eq(s.moderationLog.action, action), eq(s.moderationLog.targetId, targetId)));
  /** Every element id of a page once (labels and error links must point at one control). */
  const duplicateIds = (text: string) => {
    const ids = [...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  };
  /** The error text rendered next to field `name`. */
  const errorOf = (text: string, name: string) => text.match(new RegExp(`id="f-${name}-err">([^<]*)<`))?.[1];

  it("staff only: signed out → sign-in; a partner → 403 page; admins' pages refuse moderators", async () => {
    const out = await get("/moderation");
    expect(out.res.status).toBe(303);
    expect(out.res.headers.get("location")).toBe("/sign-in?next=%2Fmoderation");
    const partner = await get("/moderation/projects", "partner");
    expect(partner.res.status).toBe(403);
    expect(partner.text).toContain("Нет доступа к этой странице");
    expect((await get("/admin/prices", "moderator")).res.status).toBe(403);
    expect((await get("/admin/moderation-log", "moderator")).res.status).toBe(403);
    expect((await post("/admin/prices/edition", { edition: "start", priceRub: "1" })).res.status).toBe(403);
  });

  it("every queue renders from the demo data, with the overview's counts and overdue flags (R5.3, R5.4a, R7.3)", async () => {
    const overview = await get("/moderation", "moderator");
    expect(overview.res.status).toBe(200);
    for (const q of queues) {
      expect(overview.text).toContain(`href="/moderation/${q.slug}"`);
      const page = await get(`/moderation/${q.slug}`, "moderator");
      expect(page.res.status, q.slug).toBe(200);
      expect(page.text).toContain(q.ru);
      expect(duplicateIds(page.text), q.slug).toEqual([]);
      const item = page.text.match(new RegExp(`href="/moderation/${q.slug}/([^"]+)"`))?.[1];
      if (item)
        expect(duplicateIds((await get(`/moderation/${q.slug}/${item}`, "moderator")).text), q.slug).toEqual(
          [],
        );
    }
    // The demo data has an overdue additional-points request and an overdue phone-day report.
    expect((await get("/moderation/additional-points", "moderator")).text).toContain("Просрочено");
    expect((await get("/moderation/phone-days", "moderator")).text).toContain("Просрочено");
    expect((await get("/moderation/nope", "moderator")).res.status).toBe(404);
  });

  it("R5.3: additional points — no decision, no reason, approval without points: 422 by field; nothing decided", async () => {
    const id = await firstItem("additional-points");
    const bad = await post(`/moderation/additional-points/${id}/decide`, {
      approve: "yes",
      points: "",
      reason: "",
    });
    expect(bad.res.status).toBe(422);
    expect(errorOf(bad.text, "reason")).toContain("Укажите причину");
    expect(errorOf(bad.text, "points")).toContain("Сколько баллов");
    const none = await post(`/moderation/additional-points/${id}/decide`, { approve: "", reason: "x" });
    expect(errorOf(none.text, "approve")).toContain("Выберите решение");
    const [row] = await h.db
      .select()
      .from(s.additionalPointsRequests)
      .where(eq(s.additionalPointsRequests.id, id));
    expect(row!.state).toBe("pending");
  });

  it("R5.3: a good decision goes through decideRequest, is logged and redirects; the item leaves the queue", async () => {
    const id = await firstItem("additional-points");
    const ok = await post(`/moderation/additional-points/${id}/decide`, {
      approve: "yes",
      points: "15",
      reason: "Вебинар",
    });
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get("location")).toBe(`/moderation/additional-points?done=${id}`);
    const [row] = await h.db
      .select()
      .from(s.additionalPointsRequests)
      .where(eq(s.additionalPointsRequests.id, id));
    expect(row!.state).toBe("approved");
    expect((await get(`/moderation/additional-points/${id}`, "moderator")).res.status).toBe(404);
  });

  it("R5.4a: a project rejected without a note is a 422 on note; credit needs no note", async () => {
    const id = await firstItem("projects");
    const bad = await post(`/moderation/projects/${id}/decide`, { decision: "reject", note: "" });
    expect(bad.res.status).toBe(422);
    expect(errorOf(bad.text, "note")).toContain("Комментарий обязателен");
    const none = await post(`/moderation/projects/${id}/decide`, { decision: "", note: "" });
    expect(errorOf(none.text, "decision")).toContain("Выберите решение");
  });

  it("R1.4c, R6, R7.1, R7.2, R5.5b: rejections need reasons; QM calls need every rating", async () => {
    const card = await firstItem("card-changes");
    const c = await post(`/moderation/card-changes/${card}/reject`, { reason: " " });
    expect(c.res.status).toBe(422);
    expect(errorOf(c.text, "reason")).toContain("Укажите причину");
    const nfr = await firstItem("nfr");
    const n = await post(`/moderation/nfr/${nfr}/decide`, { approve: "no", reason: "" });
    expect(errorOf(n.text, "reason")).toContain("Укажите причину");
    const lead = await firstItem("leads");
    const l = await post(`/moderation/leads/${lead}/decide`, { approve: "no", reason: "" });
    expect(l.res.status).toBe(422);
    expect(errorOf(l.text, "reason")).toContain("причину отказа");
    const promo = await firstItem("promotions");
    const p = await post(`/moderation/promotions/${promo}/decide`, { approve: "maybe" });
    expect(errorOf(p.text, "approve")).toContain("Выберите решение");
    const qm = await firstItem("qm");
    const page = await get(`/moderation/qm/${qm}`, "moderator");
    const ratings = [...page.text.matchAll(/name="(rating_[^"]+)"/g)].map((m) => m[1]!);
    expect(ratings.length).toBeGreaterThan(0);
    const q = await post(`/moderation/qm/${qm}/call`, Object.fromEntries(ratings.map((r) => [r, ""])));
    expect(q.res.status).toBe(422);
    expect(errorOf(q.text, ratings[0]!)).toContain("Поставьте оценку");
    // Out of scale: refused by the program's own check (recordCall), shown on the form.
    const out = await post(`/moderation/qm/${qm}/call`, Object.fromEntries(ratings.map((r) => [r, "99"])));
    expect(out.res.status).toBe(422);
    const [sub] = await h.db.select().from(s.qmSubmissions).where(eq(s.qmSubmissions.id, qm));
    expect(sub!.state).toBe("submitted");
  });

  it("R1.2b: rejecting an application needs a reason (422 on it); with one: logged and mailed once, out of the queue", async () => {
    const [applicant] = await h.db
      .select()
      .from(s.user)
      .where(eq(s.user.email, "client@partner-trust.local"));
    const [app] = await h.db
      .insert(s.applications)
      .values({
        userId: applicant!.id,
        companyName: "ООО Проверка",
        inn: "7707083893",
        legalKind: "legal_entity",
        city: "Тверь",
        contactName: "Пётр",
        contactPhone: "+74950000000",
        contactEmail: "check@example.ru",
        activity: "Сайты",
        personalDataConsent: true,
        submittedAt: new Date(),
      })
      .returning();
    const bad = await post(`/moderation/applications/${app!.id}/reject`, { reason: "" });
    expect(bad.res.status).toBe(422);
    expect(errorOf(bad.text, "reason")).toContain("Укажите причину");
    const ask = await post(`/moderation/applications/${app!.id}/request-info`, { question: " " });
    expect(errorOf(ask.text, "question")).toContain("Укажите причину");
    const ok = await post(`/moderation/applications/${app!.id}/reject`, {
      reason: "ИНН не совпадает с ЕГРЮЛ",
    });
    expect(ok.res.status).toBe(303);
    expect(await logged("application.reject", app!.id)).toHaveLength(1);
    const mail = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, "check@example.ru"));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toMatch(/^Заявка отклонена \/ Application rejected/);
    const again = await post(`/moderation/applications/${app!.id}/reject`, { reason: "ещё раз" });
    expect(again.res.status).toBe(404); // no longer in the queue
  });

  it("R1.2c: approving an application creates the partner (approveApplication), logged", async () => {
    const id = await firstItem("applications");
    const ok = await post(`/moderation/applications/${id}/approve`, { note: "" });
    expect(ok.res.status).toBe(303);
    expect(await logged("application.approve", id)).toHaveLength(1);
  });

  it("admin prices: bad input is a 422 by field; a new edition price is stored and logged (R5.2)", async () => {
    const page = await get("/admin/prices", "admin");
    expect(page.res.status).toBe(200);
    const bad = await post("/admin/prices/edition", { edition: "", priceRub: "-5" }, "admin");
    expect(bad.res.status).toBe(422);
    expect(errorOf(bad.text, "edition")).toContain("Выберите редакцию");
    expect(errorOf(bad.text, "priceRub")).toContain("Больше нуля");
    const ok = await post("/admin/prices/edition", { edition: "start", priceRub: "6500" }, "admin");
    expect(ok.res.status).toBe(303);
    const [start] = await h.db.select().from(s.editions).where(eq(s.editions.code, "start"));
    expect(start!.priceRub).toBe(6500);
    expect(await logged("catalogue.edition_price", "start")).toHaveLength(1);
    const purchase = await post("/admin/prices/purchase", { price: "", amount: "abc" }, "admin");
    expect(errorOf(purchase.text, "price")).toContain("Выберите строку");
    expect(errorOf(purchase.text, "amount")).toBeTruthy();
  });

  it("admin holidays, courses, competencies: 422 by field; the engine's condition schema refuses bad JSON (R4.1)", async () => {
    const day = await post("/admin/calendar/day", { day: "2026-02-30", kind: "holiday" }, "admin");
    expect(day.res.status).toBe(422);
    expect(errorOf(day.text, "day")).toContain("ГГГГ-ММ-ДД");
    const ok = await post("/admin/calendar/day", { day: "2026-12-31", kind: "holiday" }, "admin");
    expect(ok.res.status).toBe(303);
    const [d] = await h.db.select().from(s.calendarDays).where(eq(s.calendarDays.day, "2026-12-31"));
    expect(d!.kind).toBe("holiday");
    const course = await post("/admin/courses/add", { code: "Не код", title: "", kind: "course" }, "admin");
    expect(errorOf(course.text, "code")).toContain("латиница");
    expect(errorOf(course.text, "title")).toBeTruthy();
    const req = await post(
      "/admin/courses/requirement",
      { status: "", course: "", employees: "-1" },
      "admin",
    );
    expect(errorOf(req.text, "status")).toContain("Выберите статус");
    expect(errorOf(req.text, "employees")).toContain("Не меньше 0");
    const notJson = await post(
      "/admin/competencies/conditions",
      { competency: "medicine", conditions: "{" },
      "admin",
    );
    expect(errorOf(notJson.text, "conditions")).toContain("Это не JSON");
    const wrong = await post(
      "/admin/competencies/conditions",
      { competency: "medicine", conditions: '[{"kind":"credited-projects","min":0}]' },
      "admin",
    );
    expect(wrong.res.status).toBe(422);
    expect(errorOf(wrong.text, "conditions")).toBeTruthy();
    // R5.5: the questionnaire — the program's own check (scale) shown next to its field.
    const scale = await post(
      "/admin/questionnaire/question",
      { textRu: "Вопрос", textEn: "Question", scaleMin: "5", scaleMax: "1" },
      "admin",
    );
    expect(scale.res.status).toBe(422);
    expect(errorOf(scale.text, "scaleMax")).toContain("максимум больше минимума");
    const test = await post("/admin/questionnaire/test", { code: "", titleRu: "", titleEn: "" }, "admin");
    expect(errorOf(test.text, "code")).toContain("латиница");
    expect(errorOf(test.text, "titleRu")).toBeTruthy();
    for (const p of adminPages) {
      const page = await get(`/admin/${p.slug}`, "admin");
      expect(page.res.status, p.slug).toBe(200);
      expect(duplicateIds(page.text), p.slug).toEqual([]);
    }
  });

  it("audit trail: the API's query with filters; a bad date is a 422 on its field", async () => {
    const all = await get("/admin/moderation-log?action=catalogue.edition_price", "admin");
    expect(all.res.status).toBe(200);
    expect(all.text).toContain("catalogue.edition_price");
    expect(all.text).toContain("admin@partner-trust.local"); // the actor by name and e-mail
    expect(all.text).not.toContain("<code>card.approve</code>");
    const bad = await get("/admin/moderation-log?from=yesterday", "admin");
    expect(bad.res.status).toBe(422);
    expect(errorOf(bad.text, "from")).toContain("ГГГГ-ММ-ДД");
  });

  it("R5.2: mobile apps — a refusal without a reason is a 422 on note; a credit gives the edition's points, logged", async () => {
    const id = await firstItem("mobile-apps");
    const page = await get(`/moderation/mobile-apps/${id}`, "moderator");
    expect(page.text).toContain("https://apps.rustore.ru/app/ru.sadovod.shop");
    expect(page.text).toMatch(/Баллы при зачёте[\s\S]*?<dd>41<\/dd>/); // round-half-up(40 900 / 1000)
    const bad = await post(`/moderation/mobile-apps/${id}/decide`, { credit: "no", note: "" });
    expect(bad.res.status).toBe(422);
    expect(errorOf(bad.text, "note")).toContain("Укажите причину отказа");
    expect(
      errorOf((await post(`/moderation/mobile-apps/${id}/decide`, { credit: "" })).text, "credit"),
    ).toContain("Выберите решение");
    const ok = await post(`/moderation/mobile-apps/${id}/decide`, { credit: "yes" });
    expect(ok.res.status).toBe(303);
    const [row] = await h.db.select().from(s.mobileApps).where(eq(s.mobileApps.id, id));
    expect(row).toMatchObject({ state: "credited", points: 41 });
    expect(await logged("mobile_app.credit", id)).toHaveLength(1);
    expect((await get(`/moderation/mobile-apps/${id}`, "moderator")).res.status).toBe(404);
  });
});
