import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { leadMails } from "../../program/leads/mails.ts";
import { mailCatalogue } from "../../program/mail-templates/catalogue.ts";
import { recordAccrual } from "../../program/status/apply.ts";
import { statusMails } from "../../program/status/mail.ts";
import { createPartner, dayClock, goldTeam, withCatalogue } from "../../program/status/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { fieldErrorOf, getPage, postForm, sender, signedInAccount } from "../../test/http.ts";

const upgrade = statusMails.upgrade;
const edited = {
  subject: "Новый статус: {{statusRu}} / New status: {{statusEn}}",
  text: "Здравствуйте! «{{partner}}» теперь — {{statusRu}} (правка админа).\n\nHello! {{partner}} is now {{statusEn}}.\n",
};

describe("issue 10: admins edit the e-mail templates (API and /admin/mail-templates)", () => {
  const clock = dayClock("2024-06-01");
  let h: Harness;
  let req: ReturnType<typeof sender>;
  let admin: { cookie: string; userId: string };
  let mod: string;

  beforeAll(async () => {
    h = await createHarness({ clock });
    await withCatalogue(h.db);
    req = sender(() => h, "/api/v1");
    admin = await signedInAccount(h, "admin@vendor.example", { role: "admin", name: "Анна Админ" });
    mod = (await signedInAccount(h, "mod@vendor.example", { role: "moderator" })).cookie;
  });
  afterAll(() => h.close());

  const item = async (key: string) =>
    (await body(await req("GET", "/admin/mail-templates", admin.cookie))).items.find(
      (t: { key: string }) => t.key === key,
    );
  const paths = async (res: Response) => {
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    return (await body(res)).errors.map((e: { path: string }) => e.path);
  };
  const logged = (action: string, key: string) =>
    h.db
      .select()
      .from(s.moderationLog)
      .where(and(eq(s.moderationLog.action, action), eq(s.moderationLog.targetId, key)));
  /** R2.5: a real status change — a new partner's points make it Certified; its mail from the outbox. */
  async function upgradeMail() {
    const p = await createPartner(h.db, { approvedOn: "2024-01-10", employees: goldTeam });
    await recordAccrual(
      h.db,
      {
        partnerId: p.id,
        day: "2024-06-01",
        points: 450,
        sourceType: "additional",
        sourceId: crypto.randomUUID(),
      },
      { clock },
    );
    const mails = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, p.mainEmail));
    expect(mails).toHaveLength(1);
    return mails[0]!;
  }

  it("admins only: a moderator gets 403 on every route", async () => {
    expect((await req("GET", "/admin/mail-templates", mod)).status).toBe(403);
    expect((await req("PUT", `/admin/mail-templates/${upgrade.key}`, mod, edited)).status).toBe(403);
    expect((await req("DELETE", `/admin/mail-templates/${upgrade.key}`, mod)).status).toBe(403);
    expect((await req("POST", `/admin/mail-templates/${upgrade.key}/preview`, mod, edited)).status).toBe(403);
  });

  it("lists every template of the catalogue with its placeholders, the wording in force and the default", async () => {
    const { items } = await body(await req("GET", "/admin/mail-templates", admin.cookie));
    expect(items.map((t: { key: string }) => t.key)).toEqual(mailCatalogue.map((t) => t.key));
    expect(await item(upgrade.key)).toMatchObject({
      title: { ru: "Статус повышен", en: "Status raised" },
      rule: "R2.5",
      subject: upgrade.subject,
      text: upgrade.text,
      default: { subject: upgrade.subject, text: upgrade.text },
      edited: null,
      required: [],
    });
    expect((await item(upgrade.key)).vars).toContainEqual({
      name: "partner",
      about: { ru: "Название партнёра", en: "Partner name" },
      example: "ООО «Веб-Студия»",
    });
  });

  it("a wording that does not check is a 422 naming subject or text; an unknown key a 404", async () => {
    const put = (w: { subject: string; text: string }, key = upgrade.key) =>
      req("PUT", `/admin/mail-templates/${key}`, admin.cookie, w);
    expect(await paths(await put({ ...edited, text: "Привет, {{nobody}}" }))).toEqual(["text"]);
    expect(await paths(await put({ ...edited, subject: "{{#partner}}без конца" }))).toEqual(["subject"]);
    expect(await paths(await put({ subject: " ", text: "" }))).toEqual(["subject", "text"]);
    expect(await paths(await put({ ...edited, text: "я".repeat(10_001) }))).toEqual(["text"]);
    expect(await paths(await put({ ...edited, subject: "Две\nстроки" }))).toEqual(["subject"]);
    expect(await paths(await req("PUT", `/admin/mail-templates/${upgrade.key}`, admin.cookie, {}))).toEqual(
      expect.arrayContaining(["subject", "text"]),
    );
    expect((await put(edited, "no.such")).status).toBe(404);
    expect((await req("DELETE", "/admin/mail-templates/no.such", admin.cookie)).status).toBe(404);
    expect((await item(upgrade.key)).edited).toBeNull(); // nothing was saved
  });

  it("R7.1a: an edit may not drop a required placeholder — the lead confirmation link (422 on text)", async () => {
    const t = leadMails.confirmation;
    expect(t.required).toContain("link");
    const res = await req("PUT", `/admin/mail-templates/${t.key}`, admin.cookie, {
      subject: "Тема / Subject",
      text: "Текст без ссылки / A text without the link",
    });
    expect(await paths(res)).toContain("text");
  });

  it("preview renders a wording with the examples and saves nothing; checked as a change is", async () => {
    const res = await req("POST", `/admin/mail-templates/${upgrade.key}/preview`, admin.cookie, edited);
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({
      subject: "Новый статус: Сертифицированный партнёр / New status: Certified partner",
      text: "Здравствуйте! «ООО «Веб-Студия»» теперь — Сертифицированный партнёр (правка админа).\n\nHello! ООО «Веб-Студия» is now Certified partner.\n",
    });
    expect((await item(upgrade.key)).edited).toBeNull();
    const bad = await req("POST", `/admin/mail-templates/${upgrade.key}/preview`, admin.cookie, {
      ...edited,
      text: "{{oops}}",
    });
    expect(await paths(bad)).toEqual(["text"]);
    expect((await req("POST", "/admin/mail-templates/no.such/preview", admin.cookie, edited)).status).toBe(
      404,
    );
  });

  it("R2.5: an admin's wording is what the next status change mails; after a reset, the default again — both logged", async () => {
    expect((await upgradeMail()).text).toContain("Поздравляем! «ООО Тест» получает статус");
    const saved = await req("PUT", `/admin/mail-templates/${upgrade.key}`, admin.cookie, edited);
    expect(saved.status).toBe(200);
    expect(await body(saved)).toMatchObject({
      ...edited,
      default: { subject: upgrade.subject, text: upgrade.text },
      edited: { at: clock.now().toISOString(), by: admin.userId },
    });
    const mail = await upgradeMail();
    expect(mail.subject).toBe("Новый статус: Сертифицированный партнёр / New status: Certified partner");
    expect(mail.text).toContain("«ООО Тест» теперь — Сертифицированный партнёр (правка админа)");

    const reset = await req("DELETE", `/admin/mail-templates/${upgrade.key}`, admin.cookie);
    expect(await body(reset)).toMatchObject({ subject: upgrade.subject, text: upgrade.text, edited: null });
    const again = await upgradeMail();
    expect(again.subject).toBe(
      "Статус партнёра: Сертифицированный партнёр / Partner status: Certified partner",
    );
    expect(again.text).toContain("Поздравляем! «ООО Тест» получает статус «Сертифицированный партнёр»");

    const [edit] = await logged("mail_template.edit", upgrade.key);
    expect(edit).toMatchObject({ actorUserId: admin.userId, targetType: "mail_template" });
    expect(edit!.reason).toContain("(правка админа)");
    expect(await logged("mail_template.reset", upgrade.key)).toHaveLength(1);
  });

  it("saving the default wording back is a reset", async () => {
    const key = statusMails.renewed.key;
    await req("PUT", `/admin/mail-templates/${key}`, admin.cookie, {
      ...edited,
      subject: "Продлён {{statusRu}}",
    });
    expect((await item(key)).edited).not.toBeNull();
    const back = { subject: statusMails.renewed.subject, text: statusMails.renewed.text };
    expect(await body(await req("PUT", `/admin/mail-templates/${key}`, admin.cookie, back))).toMatchObject({
      edited: null,
    });
    expect(await logged("mail_template.reset", key)).toHaveLength(1);
  });

  describe("the /admin/mail-templates page (forms without JS)", () => {
    const page = (path: string, form?: Record<string, string>) =>
      form ? postForm(h, path, form, admin.cookie) : getPage(h, path, admin.cookie);
    const key = statusMails.dropped.key;
    const errorOf = (text: string, name: string) => fieldErrorOf(text, `status-dropped-${name}`);

    it("shows each template with its title, rule, key, placeholders and wording; moderators may not open it", async () => {
      const { status, text } = await page("/admin/mail-templates");
      expect(status).toBe(200);
      for (const t of mailCatalogue) expect(text).toContain(`<code>${t.key}</code>`);
      expect(text).toContain("Статус понижен");
      expect(text).toContain("<code>{{fromRu}}</code>");
      expect(text).toContain("Прежний статус по-русски");
      expect(text).toContain('action="/admin/mail-templates/edit"');
      expect(text).toContain('<label for="f-status-dropped-text">');
      const res = await h.app.request("/admin/mail-templates", {
        headers: { cookie: mod },
        redirect: "manual",
      });
      expect(res.status).toBe(403);
    });

    it("a bad placeholder is a 422 with the error next to the text, the admin's text kept", async () => {
      const typed = "Здравствуйте, {{partnr}}!\r\nHello!";
      const bad = await page("/admin/mail-templates/edit", {
        key,
        subject: statusMails.dropped.subject,
        text: typed,
      });
      expect(bad.status).toBe(422);
      expect(errorOf(bad.text, "text")).toContain("{{partnr}}");
      expect(errorOf(bad.text, "subject")).toBeUndefined();
      expect(bad.text).toContain("Здравствуйте, {{partnr}}!");
      expect((await item(key)).edited).toBeNull();
    });

    it("a good wording is saved (303), the page shows it changed, by whom; reset brings the default back", async () => {
      const text =
        "Здравствуйте!\r\nСтатус «{{partner}}» теперь «{{statusRu}}».\r\n\r\nHello!\r\n{{statusEn}}.\r\n";
      const ok = await page("/admin/mail-templates/edit", {
        key,
        subject: statusMails.dropped.subject,
        text,
      });
      expect(ok.status).toBe(303);
      expect((await item(key)).text).toBe(text.replaceAll("\r\n", "\n")); // the browser's CRLF stored as LF
      const shown = await page("/admin/mail-templates?done=edit");
      expect(shown.text).toContain("Changed by an admin: Анна Админ &lt;admin@vendor.example&gt;");
      expect(shown.text).toContain('action="/admin/mail-templates/reset"');
      expect((await page("/admin/mail-templates/reset", { key })).status).toBe(303);
      expect((await item(key)).edited).toBeNull();
      expect((await page("/admin/mail-templates/reset", { key: "no.such" })).status).toBe(404);
    });
  });
});
