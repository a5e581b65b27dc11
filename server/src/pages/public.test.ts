// The public pages and the framework through the real app: directory, competency ratings, sign-in/out,
// assets, same-origin forms.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { seedDemo } from "../seed/index.ts";
import { createHarness, type Harness, signIn } from "../test/harness.ts";

const SELF = "http://localhost"; // app.request() URLs have this origin

describe("public pages (R2.7, R4.3) and the page framework", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h);
  });
  afterAll(() => h.close());

  const get = async (path: string, cookie?: string) => {
    const res = await h.app.request(path, cookie ? { headers: { cookie } } : {});
    return { res, text: await res.text() };
  };
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    h.app.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: SELF, ...headers },
      body: new URLSearchParams(form).toString(),
      redirect: "manual",
    });

  it("R2.7: the directory lists published partners by rank, Russian first with English, landmarks and skip link", async () => {
    const { res, text } = await get("/");
    expect(res.status).toBe(200);
    expect(text).toContain('<html lang="ru">');
    expect(text).toContain('<a class="skip" href="#main">');
    expect(text).toMatch(/<main id="main"/);
    expect(text).toContain('<label for="f-q">Поиск <span lang="en">/ Search</span></label>');
    const alfa = text.indexOf("Веб-студия Альфа");
    expect(alfa).toBeGreaterThan(0);
    expect(text).not.toContain("Зета Веб"); // terminated
    expect(text).not.toContain("<script"); // no script on a page that needs none
  });

  it("R2.7: filters by city (any case), status, competency and q, like the API", async () => {
    const moscow = await get(`/?city=${encodeURIComponent("москва")}&status=gold`);
    expect(moscow.text).toContain("Веб-студия Альфа");
    expect(moscow.text).not.toContain("Бета Студио");
    const medicine = await get("/?competency=medicine");
    expect(medicine.text).toContain("Бета Студио");
    expect(medicine.text).not.toContain("Веб-студия Альфа");
    const none = await get(`/?q=${encodeURIComponent("нет такого")}`);
    expect(none.text).toContain("Партнёры не найдены");
    // A bad filter value is ignored, not an error page.
    expect((await get("/?status=platinum&cursor=zzz")).res.status).toBe(200);
  });

  it("R4.3: a competency's own rating lists its holders only, numbered", async () => {
    const list = await get("/competencies");
    expect(list.text).toContain('href="/competencies/medicine"');
    const rating = await get("/competencies/medicine");
    expect(rating.res.status).toBe(200);
    expect(rating.text).toContain("Бета Студио");
    expect(rating.text).toContain("№ 1");
    expect(rating.text).not.toContain("Веб-студия Альфа");
    expect((await get("/competencies/no-such")).res.status).toBe(404);
  });

  it("signs in from the form (cookie set, back to `next`), refuses a wrong password next to the form, signs out", async () => {
    const form = await get("/sign-in?next=/competencies");
    expect(form.text).toContain('name="next" value="/competencies"');
    const wrong = await post("/sign-in", {
      email: "partner@partner-trust.local",
      password: "nope-nope",
      next: "/",
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("Неверный e-mail или пароль");
    const invalid = await post("/sign-in", { email: "not-an-email", password: "" });
    expect(invalid.status).toBe(422);
    const invalidText = await invalid.text();
    expect(invalidText).toContain('id="f-email" name="email" required aria-invalid="true"');
    expect(invalidText).toContain("Введите пароль");
    const ok = await post("/sign-in", {
      email: "partner@partner-trust.local",
      password: "partner-demo",
      next: "//evil.example/x",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/cabinet"); // never off-site
    const cookie = ok.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(cookie).toContain("session_token");
    const signedIn = await get("/", cookie);
    expect(signedIn.text).toContain("Павел Партнёров");
    const out = await post("/sign-out", {}, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie().join()).toMatch(/session_token=;/);
  });

  it("R9: every page shows the partner department's contacts", async () => {
    for (const path of ["/", "/competencies", "/promotions", "/leads/new"]) {
      const text = (await get(path)).text;
      expect(text).toContain("8-800-250-1860");
      expect(text).toContain("+7 (495) 229-14-41");
      expect(text).toContain("partners@1c-bitrix.ru");
      expect(text).toContain("10:00–19:00");
    }
  });

  it("refuses a form posted from another site (CSRF)", async () => {
    const res = await post(
      "/sign-in",
      { email: "partner@partner-trust.local", password: "partner-demo" },
      { Origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
  });

  it("serves the stylesheet with a content-hash URL, cached for good", async () => {
    const { text } = await get("/");
    const href = text.match(/href="(\/assets\/pages\.css\?v=[\w-]+)"/)?.[1];
    expect(href).toBeTruthy();
    const css = await h.app.request(href!);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(css.headers.get("cache-control")).toContain("immutable");
    expect((await h.app.request("/assets/nope.css")).status).toBe(404);
  });

  it("R7.2: approved promotions in their period are public, with their partner", async () => {
    const [alfa] = await h.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа"));
    const today = moscowDay(new Date());
    await h.db.insert(s.promotions).values({
      partnerId: alfa!.id,
      title: "Корпоративный портал за месяц",
      body: "Внедрение «Битрикс24» под ключ.",
      startsOn: today,
      endsOn: addDays(today, 30),
      state: "approved",
      submittedBy: alfa!.id,
      createdAt: new Date(),
    });
    const { res, text } = await get("/promotions");
    expect(res.status).toBe(200);
    expect(text).toContain("Корпоративный портал за месяц");
    expect(text).toContain(`href="/partners/${alfa!.id}"`);
  });

  it("R7.1a: an anonymous lead waits for its e-mailed confirmation; the confirm page sends it to moderation", async () => {
    expect((await get("/leads/new")).text).toContain('name="maxProposals"');
    const bad = await post("/leads/new", {
      description: "сайт",
      city: "Москва",
      maxProposals: "50",
      contactName: "Ольга",
      contactEmail: "x",
    });
    expect(bad.status).toBe(422);
    const badText = await bad.text();
    expect(badText).toContain('id="f-description-err"');
    expect(badText).toContain('id="f-maxProposals-err"');
    expect(badText).toContain('id="f-contactEmail-err"');
    const lead = {
      description: "Нужен сайт клиники с записью на приём.",
      budgetRub: "300 000",
      city: "СПб",
      maxProposals: "3",
      contactName: "Ольга",
      contactEmail: "olga-anon@client.example",
    };
    const sent = await post("/leads/new", lead);
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe("/leads/sent?state=unconfirmed");
    const [row] = await h.db
      .select()
      .from(s.leads)
      .where(eq(s.leads.contactEmail, "olga-anon@client.example"));
    expect(row).toMatchObject({ state: "unconfirmed", budgetRub: 300_000, city: "Санкт-Петербург" });
    const [mail] = await h.db
      .select()
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.to, "olga-anon@client.example"));
    const token = mail!.text.match(/"token": "([^"]+)"/)![1]!;
    // R7.1a: the e-mail links to the confirmation page with the code filled in.
    const link = mail!.text.match(/http:\/\/\S+\/leads\/confirm\?token=\S+/)![0]!;
    expect((await get(new URL(link).pathname + new URL(link).search)).text).toContain(`value="${token}"`);
    const wrong = await post("/leads/confirm", { token: "not-a-token-at-all" });
    expect(wrong.status).toBe(422);
    const ok = await post("/leads/confirm", { token });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Заявка подтверждена");
    const [after] = await h.db.select().from(s.leads).where(eq(s.leads.id, row!.id));
    expect(after!.state).toBe("pending");
  });

  it("signs up from the form (signed in at once, back to `next`); a taken e-mail is refused at its field", async () => {
    const short = await post("/sign-up", { name: "Ольга", email: "olga@new.example", password: "short" });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('id="f-password-err"');
    const ok = await post("/sign-up", {
      name: "Ольга Новая",
      email: "olga@new.example",
      password: "olga-password",
      next: "/leads/new",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/leads/new");
    const cookie = ok.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect((await get("/leads/new", cookie)).text).toContain('value="olga@new.example"');
    const taken = await post("/sign-up", {
      name: "X",
      email: "partner@partner-trust.local",
      password: "whatever-123",
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('id="f-email-err"');
  });

  it("R7.1a, R7.1c: a signed-in client's lead goes to moderation; the client sees it and the proposals on the site", async () => {
    expect((await get("/leads/mine")).res.headers.get("location")).toBe("/sign-in?next=%2Fleads%2Fmine");
    const cookie = await signIn(h.app, "client@partner-trust.local", "client-demo");
    const sent = await post(
      "/leads/new",
      {
        description: "Корпоративный портал на «Битрикс24» для 200 сотрудников.",
        city: "Москва",
        maxProposals: "2",
        contactName: "Кирилл",
        contactEmail: "client@partner-trust.local",
      },
      { cookie },
    );
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe("/leads/mine?sent=1");
    const [lead] = await h.db
      .select()
      .from(s.leads)
      .where(eq(s.leads.description, "Корпоративный портал на «Битрикс24» для 200 сотрудников."));
    expect(lead!.state).toBe("pending");
    const [alfa] = await h.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа"));
    await h.db
      .update(s.leads)
      .set({ state: "published", publishedAt: new Date(), proposalCount: 1 })
      .where(eq(s.leads.id, lead!.id));
    await h.db.insert(s.proposals).values({
      leadId: lead!.id,
      partnerId: alfa!.id,
      senderUserId: alfa!.id,
      text: "Внедрим портал за шесть недель.",
      sentAt: new Date(),
    });
    const mine = await get("/leads/mine", cookie);
    expect(mine.text).toContain("Корпоративный портал");
    expect(mine.text).toContain("опубликована");
    expect(mine.text).toContain("Внедрим портал за шесть недель.");
    expect(mine.text).toContain(`href="/partners/${alfa!.id}"`);
  });
});
