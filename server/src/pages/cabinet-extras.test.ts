// The cabinet's "Order a site by phone" (R7.3) and Marketplace modules (R4E.6) sections on the demo data through
// the real app: each form's success and its errors next to the fields, and who may open each (R4E.4, R4E.6).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { seedDemo } from "../seed/index.ts";
import { createHarness, type Harness, signIn, signUp } from "../test/harness.ts";
import { getPage, postForm } from "../test/http.ts";

describe("cabinet: phone days (R7.3) and Marketplace modules (R4E.6)", () => {
  let h: Harness;
  let alfa: string;
  let beta: string;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h);
    const byName = async (name: string) =>
      (await h.db.select().from(s.partners).where(eq(s.partners.name, name)))[0]!.id;
    alfa = await byName("Веб-студия Альфа");
    beta = (await h.db.select().from(s.partners)).find((p) => p.id !== alfa)!.id;
    for (const who of ["partner", "employee", "moderator"]) {
      cookies[who] = await signIn(h.app, `${who}@partner-trust.local`, `${who}-demo`);
    }
    // A certified employee of Альфа (R4E.4: no partner sections) and a limited one with the Marketplace flag.
    for (const [who, level, marketplace] of [
      ["certified", "certified", false],
      ["market", "limited", true],
    ] as const) {
      const email = `${who}@extras.test`;
      await signUp(h.app, email, `${who}-pass-1`, who);
      const [u] = await h.db.select().from(s.user).where(eq(s.user.email, email));
      await h.db.insert(s.employeeLinks).values({
        partnerId: alfa,
        userId: u!.id,
        level,
        marketplace,
        invitation: "accepted",
        invitedAt: new Date(),
        respondedAt: new Date(),
      });
      cookies[who] = await signIn(h.app, email, `${who}-pass-1`);
    }
  });
  afterAll(() => h.close());

  const get = (path: string, who: string) => getPage(h, path, cookies[who]);
  const post = (path: string, form: Record<string, string>, who: string) =>
    postForm(h, path, form, cookies[who]);
  /** The days the booking form offers (its select's values). */
  const offered = (text: string) =>
    [...text.matchAll(/<option value="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]!);

  it("R7.3: a limited employee sees the free working days and its partner's booking; books one", async () => {
    const page = await get(`/cabinet/${alfa}/phone-days`, "employee"); // R4E.4: limited users too
    expect(page.res.status).toBe(200);
    expect(page.text).toContain("Заказ сайта по телефону");
    expect(page.text).toContain(`href="/cabinet/${alfa}/phone-days" aria-current="page"`);
    const [seeded] = await h.db
      .select()
      .from(s.phoneDayBookings)
      .where(eq(s.phoneDayBookings.partnerId, alfa));
    const ru = (d: string) => d.split("-").reverse().join(".");
    expect(page.text).toContain(ru(seeded!.day)); // the seeded booking with its report due date
    expect(page.text).toContain(ru(seeded!.reportDueOn!));
    const days = offered(page.text);
    expect(days.length).toBeGreaterThan(5);
    expect(days).not.toContain(seeded!.day); // its one place is taken (capacity 1)
    const ok = await post(`/cabinet/${alfa}/phone-days`, { day: days[0]! }, "employee");
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get("location")).toBe(`/cabinet/${alfa}/phone-days?booked=${days[0]}`);
    const after = await get(`/cabinet/${alfa}/phone-days?booked=${days[0]}`, "partner");
    expect(after.text).toContain(`Вы записаны на ${ru(days[0]!)}`);
    expect(offered(after.text)).not.toContain(days[0]);
    const rows = await h.db
      .select()
      .from(s.phoneDayBookings)
      .where(and(eq(s.phoneDayBookings.partnerId, alfa), eq(s.phoneDayBookings.day, days[0]!)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.state).toBe("confirmed");
  });

  it("R7.3: booking errors — no day, a weekend, its own day again, a full day — each said next to the form", async () => {
    const none = await post(`/cabinet/${alfa}/phone-days`, { day: "" }, "partner");
    expect(none.res.status).toBe(422);
    expect(none.text).toContain('id="f-day-err"');
    expect(none.text).toContain("Выберите день");
    // A Saturday ahead (R7.3: working days only).
    const workingWeekends = (await h.db.select().from(s.calendarDays))
      .filter((d) => d.kind === "working_weekend")
      .map((d) => d.day);
    let sat = addDays(moscowDay(new Date()), 1);
    while (new Date(`${sat}T00:00:00Z`).getUTCDay() !== 6 || workingWeekends.includes(sat))
      sat = addDays(sat, 1);
    const weekend = await post(`/cabinet/${alfa}/phone-days`, { day: sat }, "partner");
    expect(weekend.res.status).toBe(422);
    expect(weekend.text).toContain('id="f-day-err"');
    expect(weekend.text).toContain("Это нерабочий день");
    const past = await post(`/cabinet/${alfa}/phone-days`, { day: "2020-01-09" }, "partner");
    expect(past.res.status).toBe(422);
    expect(past.text).toContain("начиная с завтрашнего");
    const [seeded] = await h.db
      .select()
      .from(s.phoneDayBookings)
      .where(eq(s.phoneDayBookings.partnerId, alfa));
    const again = await post(`/cabinet/${alfa}/phone-days`, { day: seeded!.day }, "partner");
    expect(again.res.status).toBe(409);
    expect(again.text).toContain('class="bad" role="alert"');
    expect(again.text).toContain("Вы уже записаны на этот день");
    // Capacity (R7.3): another partner takes the last place of a free day; Альфа is refused.
    const day = offered((await get(`/cabinet/${alfa}/phone-days`, "partner")).text)[0]!;
    await h.db
      .insert(s.phoneDayBookings)
      .values({ partnerId: beta, day, state: "confirmed", reportDueOn: day });
    const full = await post(`/cabinet/${alfa}/phone-days`, { day }, "partner");
    expect(full.res.status).toBe(409);
    expect(full.text).toContain("На этот день мест нет");
  });

  it("R7.3: a past day without a report is flagged overdue; the report is checked, then filed (late)", async () => {
    const [past] = await h.db
      .insert(s.phoneDayBookings)
      .values({ partnerId: alfa, day: "2026-10-01", state: "confirmed", reportDueOn: "2026-10-08" })
      .returning();
    const page = await get(`/cabinet/${alfa}/phone-days`, "partner");
    expect(page.text).toContain("просрочен");
    expect(page.text).toContain(`action="/cabinet/${alfa}/phone-days/${past!.id}/report"`);
    const short = await post(`/cabinet/${alfa}/phone-days/${past!.id}/report`, { report: "мало" }, "partner");
    expect(short.res.status).toBe(422);
    expect(short.text).toContain(`id="f-${past!.id}-report-err"`);
    expect(short.text).toContain("не меньше 10 символов");
    const text = "Приняли 4 звонка, 2 клиента ждут коммерческое предложение.";
    const ok = await post(`/cabinet/${alfa}/phone-days/${past!.id}/report`, { report: text }, "employee");
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get("location")).toBe(`/cabinet/${alfa}/phone-days?reported=1&late=1`);
    const after = await get(`/cabinet/${alfa}/phone-days?reported=1&late=1`, "partner");
    expect(after.text).toContain("Отчёт принят с опозданием");
    expect(after.text).toContain(text);
    const twice = await post(`/cabinet/${alfa}/phone-days/${past!.id}/report`, { report: text }, "partner");
    expect(twice.res.status).toBe(409);
    expect(twice.text).toContain("Отчёт уже сдан");
    // A future day takes no report yet.
    const [seeded] = await h.db
      .select()
      .from(s.phoneDayBookings)
      .where(and(eq(s.phoneDayBookings.partnerId, alfa), eq(s.phoneDayBookings.state, "confirmed")));
    const early = await post(`/cabinet/${alfa}/phone-days/${seeded!.id}/report`, { report: text }, "partner");
    expect(early.res.status).toBe(409);
    expect(early.text).toContain("День ещё не наступил");
  });

  it("R4E.4: a certified-level employee may not open or book phone days; staff look but do not book", async () => {
    expect((await get(`/cabinet/${alfa}/phone-days`, "certified")).res.status).toBe(403);
    expect((await post(`/cabinet/${alfa}/phone-days`, { day: "2027-01-11" }, "certified")).res.status).toBe(
      403,
    );
    expect((await get(`/cabinet/${alfa}/phone-days`, "moderator")).res.status).toBe(200);
    expect((await post(`/cabinet/${alfa}/phone-days`, { day: "2027-01-11" }, "moderator")).res.status).toBe(
      403,
    );
  });

  it("R4E.6: the main user sees the modules with their updates and adds a module", async () => {
    const page = await get(`/cabinet/${alfa}/marketplace`, "partner");
    expect(page.res.status).toBe(200);
    expect(page.text).toContain("alfa.delivery");
    expect(page.text).toContain("Пункты выдачи на карте."); // the 1.1.0 update
    expect(page.text).toContain(`href="/cabinet/${alfa}/marketplace" aria-current="page"`);
    const bad = await post(
      `/cabinet/${alfa}/marketplace`,
      { code: "Bad Code", title: "", description: "x" },
      "partner",
    );
    expect(bad.res.status).toBe(422);
    expect(bad.text).toContain('id="f-code-err"');
    expect(bad.text).toContain("Код вида partner.module");
    expect(bad.text).toContain('id="f-title-err"');
    const form = {
      code: "alfa.bonus",
      title: "Бонусная программа",
      description: "Баллы покупателям за заказы.",
    };
    const ok = await post(`/cabinet/${alfa}/marketplace`, form, "partner");
    expect(ok.res.status).toBe(303);
    expect((await get(`/cabinet/${alfa}/marketplace`, "partner")).text).toContain("Бонусная программа");
    const dup = await post(`/cabinet/${alfa}/marketplace`, form, "partner");
    expect(dup.res.status).toBe(409);
    expect(dup.text).toContain("Модуль с кодом alfa.bonus уже есть");
  });

  it("R4E.6: an update must be a version above the latest; errors stay on that module's form", async () => {
    const [mod] = await h.db
      .select()
      .from(s.marketplaceModules)
      .where(eq(s.marketplaceModules.code, "alfa.delivery"));
    const url = `/cabinet/${alfa}/marketplace/${mod!.id}/updates`;
    const bad = await post(url, { version: "v2", notes: "" }, "market"); // the Marketplace flag, limited level
    expect(bad.res.status).toBe(422);
    expect(bad.text).toContain(`id="f-update-${mod!.id}-version-err"`);
    expect(bad.text).toContain(`id="f-update-${mod!.id}-notes-err"`);
    expect(bad.text).toContain("<details open>");
    const stale = await post(url, { version: "1.0.5", notes: "Исправления." }, "market");
    expect(stale.res.status).toBe(409);
    expect(stale.text).toContain("не выше последней (1.1.0)");
    const ok = await post(url, { version: "1.2.0", notes: "Доставка Boxberry." }, "market");
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get("location")).toBe(`/cabinet/${alfa}/marketplace?done=update`);
    const page = await get(`/cabinet/${alfa}/marketplace`, "market");
    expect(page.text).toContain("Доставка Boxberry.");
    expect(page.text).toMatch(/Последняя версия[\s\S]*?<strong>1\.2\.0<\/strong>/);
  });

  it("R4E.6: editing a module keeps the old text as a revision; an empty title is refused at its field", async () => {
    const [mod] = await h.db
      .select()
      .from(s.marketplaceModules)
      .where(eq(s.marketplaceModules.code, "alfa.reviews"));
    const url = `/cabinet/${alfa}/marketplace/${mod!.id}`;
    const bad = await post(url, { title: " ", description: "Отзывы." }, "partner");
    expect(bad.res.status).toBe(422);
    expect(bad.text).toContain(`id="f-edit-${mod!.id}-title-err"`);
    const ok = await post(
      url,
      { title: "Отзывы и вопросы о товарах", description: mod!.description },
      "partner",
    );
    expect(ok.res.status).toBe(303);
    expect((await get(`/cabinet/${alfa}/marketplace`, "partner")).text).toContain(
      "Отзывы и вопросы о товарах",
    );
    const revisions = await h.db
      .select()
      .from(s.marketplaceModuleRevisions)
      .where(eq(s.marketplaceModuleRevisions.moduleId, mod!.id));
    expect(revisions.map((r) => r.title)).toEqual(["Отзывы о товарах"]);
    // Another partner's module id under Альфа's cabinet: not found, said at the top of the page.
    const [other] = await h.db
      .insert(s.marketplaceModules)
      .values({
        partnerId: beta,
        code: "beta.forms",
        title: "Формы",
        description: "Формы.",
        createdBy: "x",
        createdAt: new Date(),
      })
      .returning();
    const foreign = await post(
      `/cabinet/${alfa}/marketplace/${other!.id}`,
      { title: "Чужой", description: "Чужой." },
      "partner",
    );
    expect(foreign.res.status).toBe(404);
    expect(foreign.text).toContain("Модуль не найден");
  });

  it("R4E.6: without the Marketplace flag a limited employee is refused; staff look but do not write", async () => {
    expect((await get(`/cabinet/${alfa}/marketplace`, "employee")).res.status).toBe(403);
    expect((await post(`/cabinet/${alfa}/marketplace`, { code: "alfa.x1" }, "employee")).res.status).toBe(
      403,
    );
    expect((await get(`/cabinet/${alfa}/projects`, "employee")).text).not.toContain(
      `/cabinet/${alfa}/marketplace"`,
    );
    expect((await get(`/cabinet/${alfa}/marketplace`, "moderator")).res.status).toBe(200);
    expect((await post(`/cabinet/${alfa}/marketplace`, { code: "alfa.x1" }, "moderator")).res.status).toBe(
      403,
    );
    // The menu shows the section to the flag holder.
    expect((await get(`/cabinet/${alfa}/phone-days`, "market")).text).toContain(
      `href="/cabinet/${alfa}/marketplace"`,
    );
  });
});
