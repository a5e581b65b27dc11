// The partner cabinet through the real app on the demo data: who opens which section (R4E), the status page
// (R2.6, R5.6 forecast and chart), the widgets page (embed code, preview, R2.8 unregistered placements).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { activePoints } from "@partner-trust/rules";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { seedDemo } from "../seed/index.ts";
import { createHarness, type Harness, signIn } from "../test/harness.ts";
import { pointSeries } from "./cabinet/chart.ts";

const bundleFile = join(mkdtempSync(join(tmpdir(), "pt-pages-bundle-")), "partner-trust.js");
writeFileSync(bundleFile, "export {};\n");

describe("partner cabinet pages (R2.6, R4E)", () => {
  let h: Harness;
  let alfa: string;
  let beta: string;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness({ bundleFile });
    await seedDemo(h);
    const byName = async (name: string) =>
      (await h.db.select().from(s.partners).where(eq(s.partners.name, name)))[0]!.id;
    alfa = await byName("Веб-студия Альфа");
    beta = await byName("Бета Студио");
    for (const who of ["partner", "employee", "moderator", "client"]) {
      cookies[who] = await signIn(h.app, `${who}@partner-trust.local`, `${who}-demo`);
    }
  });
  afterAll(() => h.close());

  const get = async (path: string, who?: string) => {
    const res = await h.app.request(path, {
      headers: who ? { cookie: cookies[who]! } : {},
      redirect: "manual",
    });
    return { res, text: await res.text() };
  };

  it("R2.6: signed out, a cabinet page sends to the sign-in form and back", async () => {
    const { res } = await get(`/cabinet/${alfa}/widgets`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `/sign-in?next=${encodeURIComponent(`/cabinet/${alfa}/widgets`)}`,
    );
    expect((await get("/cabinet")).res.headers.get("location")).toBe("/sign-in?next=%2Fcabinet");
  });

  it("R4E: the main user lands in its partner's cabinet; another partner's cabinet is a 403 page", async () => {
    const landing = await get("/cabinet", "partner");
    expect(landing.res.status).toBe(303);
    expect(landing.res.headers.get("location")).toBe(`/cabinet/${alfa}`);
    const other = await get(`/cabinet/${beta}`, "partner");
    expect(other.res.status).toBe(403);
    expect(other.res.headers.get("content-type")).toContain("text/html");
    expect(other.text).toContain("Нет доступа к этой странице");
    const client = await get(`/cabinet/${alfa}`, "client");
    expect(client.res.status).toBe(403);
  });

  it("R4E.4: a limited employee has no status page; staff open any partner's cabinet", async () => {
    expect((await get(`/cabinet/${alfa}`, "employee")).res.status).toBe(403);
    const staff = await get(`/cabinet/${beta}`, "moderator");
    expect(staff.res.status).toBe(200);
    expect(staff.text).toContain("Бета Студио");
    const chooser = await get("/cabinet", "moderator");
    expect(chooser.text).toContain(`href="/cabinet/${alfa}"`);
  });

  it("R2.6, R5.6: status with dates, active points, certified employees, forecast and the points chart", async () => {
    const { res, text } = await get(`/cabinet/${alfa}`, "partner");
    expect(res.status).toBe(200);
    const [row] = await h.db.select().from(s.partners).where(eq(s.partners.id, alfa));
    expect(text).toContain("Золотой"); // Альфа is Gold in the demo data
    expect(text).toContain(row!.statusSince.split("-").reverse().join("."));
    const accruals = await h.db
      .select({ on: s.pointAccruals.day, points: s.pointAccruals.points })
      .from(s.pointAccruals)
      .where(eq(s.pointAccruals.partnerId, alfa));
    const points = activePoints(accruals, moscowDay(new Date()));
    expect(text).toContain(`Активные баллы <span lang="en">/ Active points</span><strong>${points}</strong>`);
    expect(text).toMatch(/<svg class="chart"[^>]*role="img"/);
    expect(text).toContain(`Сегодня ${points} активных баллов`);
    expect(text).toContain("Прогноз");
    expect(text).toContain('aria-current="page"');
  });

  it("R5.6: the chart's series steps down on the day a point expires (a year after its day)", () => {
    const series = pointSeries(
      [
        { on: "2025-03-10", points: 100 },
        { on: "2025-06-01", points: 20 },
      ],
      "2025-03-01",
      "2026-07-01",
    );
    expect(series).toEqual([
      { on: "2025-03-01", points: 0 },
      { on: "2025-03-10", points: 100 },
      { on: "2025-06-01", points: 120 },
      { on: "2026-03-10", points: 20 },
      { on: "2026-06-01", points: 0 },
    ]);
  });

  it("W1–W4, R2.8: the widgets page gives the embed code, a live preview and the unregistered hosts", async () => {
    const now = new Date();
    await h.db.insert(s.badgePlacements).values({
      partnerId: alfa,
      host: "copycat.example",
      widget: "badge",
      verified: "unverified",
      day: moscowDay(now),
      requests: 7,
      firstSeenAt: now,
      lastSeenAt: now,
    });
    const { res, text } = await get(`/cabinet/${alfa}/widgets`, "partner");
    expect(res.status).toBe(200);
    expect(text).toContain(`&lt;pt-partner-badge partner=&quot;${alfa}&quot;&gt;`); // the code, escaped, in the textarea
    expect(text).toContain(`<pt-partner-badge partner="${alfa}"></pt-partner-badge>`); // the live preview
    expect(text).toMatch(
      /<script type="module" src="http:\/\/localhost:8787\/widgets\/v1\/partner-trust.js" integrity="sha384-/,
    );
    expect(text).toContain('data-copy="embed-code" hidden'); // shown by the script only
    expect(text).toContain("copycat.example");
    expect(text).toContain('<td class="num">7</td>');
  });

  const post = (path: string, form: Record<string, string>, who: string) =>
    h.app.request(path, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "http://localhost",
        cookie: cookies[who]!,
      },
      body: new URLSearchParams(form).toString(),
      redirect: "manual",
    });
  const project = {
    url: "https://new-client.invalid/",
    title: "Новый сайт",
    editionCode: "start",
    licenseKey: "SM-NEW-CLIENT-0001",
    clientName: "ООО «Клиент»",
    ownerName: "ООО «Клиент»",
    publishOnSite: "on",
  };

  it("R5.4a: projects listed as credited / not credited with their states and the moderator's notes", async () => {
    await h.db.insert(s.projects).values({
      partnerId: alfa,
      host: "needs-work.ru",
      title: "Сайт на доработке",
      state: "accepted_for_review",
      moderatorNote: "Нет акта приёмки (R5.4e).",
      publishOnSite: false,
      submittedAt: new Date(),
    });
    const { res, text } = await get(`/cabinet/${alfa}/projects`, "employee"); // R4E.4: limited users too
    expect(res.status).toBe(200);
    const notCredited = text.indexOf("Не зачтённые");
    expect(text.indexOf("alfa-client-1.ru")).toBeGreaterThan(text.indexOf("Зачтённые")); // a credited demo project
    expect(text.indexOf("alfa-client-1.ru")).toBeLessThan(notCredited);
    expect(text.indexOf("needs-work.ru")).toBeGreaterThan(notCredited);
    expect(text).toContain("Принят на доработку");
    expect(text).toContain("Нет акта приёмки (R5.4e).");
    expect(text).toContain("без публикации");
    expect(text).toContain('<form class="stack" method="post" action="/cabinet/');
  });

  it("R5.4: a project form with missing fields is refused next to each field (422)", async () => {
    const res = await post(
      `/cabinet/${alfa}/projects`,
      { ...project, url: "not a url", licenseKey: "" },
      "partner",
    );
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain('id="f-url-err"');
    expect(text).toContain('id="f-licenseKey-err"');
    expect(text).toContain('value="Новый сайт"'); // what was typed stays
  });

  it("R5.4h: a host already added is refused at the top of the form (409)", async () => {
    const res = await post(
      `/cabinet/${alfa}/projects`,
      { ...project, url: "https://www.needs-work.ru/" },
      "partner",
    );
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("уже добавлен");
  });

  it("R5.4f: a site that cannot be checked is refused with the audit's evidence", async () => {
    const res = await post(`/cabinet/${alfa}/projects`, project, "partner");
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain("Проверка сайта не пройдена");
    expect(text).toMatch(/<strong>A3<\/strong> \(fail\)/);
  });

  it("R4E.1–3: the main user invites a signed-up user; errors by field; the user accepts on /cabinet; detached", async () => {
    const page = await get(`/cabinet/${alfa}/employees`, "partner");
    expect(page.res.status).toBe(200);
    expect(page.text).toContain("Елена Сотрудникова");
    expect(page.text).not.toContain('<option value="main"'); // R4E.2: nobody grants main
    const bad = await post(`/cabinet/${alfa}/employees`, { email: "nope", level: "limited" }, "partner");
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="f-email-err"');
    const unknown = await post(
      `/cabinet/${alfa}/employees`,
      { email: "nobody@example.ru", level: "limited" },
      "partner",
    );
    expect(unknown.status).toBe(404);
    const ok = await post(
      `/cabinet/${alfa}/employees`,
      { email: "client@partner-trust.local", level: "limited", leads: "on" },
      "partner",
    );
    expect(ok.status).toBe(303);
    expect((await get(`/cabinet/${alfa}/employees`, "partner")).text).toContain("ждёт ответа");
    // The invited client sees the invitation and accepts it: access from now on.
    const chooser = await get("/cabinet", "client");
    expect(chooser.text).toContain("Приглашения");
    const mine = (await h.db.select().from(s.employeeLinks)).find(
      (l) => l.partnerId === alfa && l.invitation === "pending" && l.leads,
    )!;
    const accept = await post(`/cabinet/invitations/${mine.id}/accept`, {}, "client");
    expect(accept.status).toBe(303);
    cookies.client = await signIn(h.app, "client@partner-trust.local", "client-demo");
    expect((await get(`/cabinet/${alfa}/projects`, "client")).res.status).toBe(200);
    // Another user's invitation is not theirs to answer.
    const foreign = await post(`/cabinet/invitations/${mine.id}/decline`, {}, "employee");
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("content-type")).toContain("text/html");
    // R4E.2–3: the main user changes the flags; nobody grants "main".
    const changed = await post(
      `/cabinet/${alfa}/employees/${mine.id}`,
      { level: "limited", marketplace: "on" },
      "partner",
    );
    expect(changed.status).toBe(303);
    const [after] = await h.db.select().from(s.employeeLinks).where(eq(s.employeeLinks.id, mine.id));
    expect(after).toMatchObject({ level: "limited", marketplace: true, leads: false });
    const toMain = await post(`/cabinet/${alfa}/employees/${mine.id}`, { level: "main" }, "partner");
    expect(toMain.status).toBe(403);
    expect(await toMain.text()).toContain('class="bad" role="alert"');
    const detach = await post(`/cabinet/${alfa}/employees/${mine.id}/detach`, {}, "partner");
    expect(detach.status).toBe(303);
    expect((await get(`/cabinet/${alfa}/projects`, "client")).res.status).toBe(403);
  });

  it("R4C.2: the certificates page lists who lacks which course for Gold", async () => {
    const { res, text } = await get(`/cabinet/${alfa}/training`, "partner");
    expect(res.status).toBe(200);
    expect(text).toContain("Курсы, которых не хватает");
    expect(text).toContain("Павел Партнёров");
  });
});
