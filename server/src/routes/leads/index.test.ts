import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import { emailOutbox, leads, moderationLog, proposals } from "../../db/schema/index.ts";
import { account, call, link, makePartner } from "../../program/leads/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";

const lead = (over: Record<string, unknown> = {}) => ({
  description: "Нужен интернет-магазин на 1С-Битрикс с обменом с 1С",
  budgetRub: 600000,
  contactName: "Ирина Клиентова",
  contactEmail: "irina@client.example",
  contactPhone: "+7 812 111-22-33",
  extraContacts: "Telegram @irina_client",
  city: "СПб",
  maxProposals: 3,
  ...over,
});

describe("R7.1 leads: post, confirm, moderate, push, propose", () => {
  let h: Harness;
  let req: ReturnType<typeof call>;
  let mod: string;
  let client: string;
  let employee: { cookie: string; userId: string };
  const p: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock("2026-11-24T09:00:00Z") });
    req = call(h);
    mod = (await account(h, "mod@vendor.example", "moderator")).cookie;
    client = (await account(h, "client@client.example")).cookie;
    employee = await account(h, "sales@partners.example");
    // R7.1b: one partner of each status, in St Petersburg (spelled differently) and elsewhere.
    p.goldKazan = await makePartner(h.db, {
      name: "Золото Казань",
      status: "gold",
      city: "Казань",
      leadsEmail: "leads@gold-kazan.example",
    });
    p.certSpb = await makePartner(h.db, {
      name: "Серт Питер",
      status: "certified",
      city: "Питер",
      cardCity: "Saint Petersburg",
      email: "info@cert-spb.example",
    });
    p.certMsk = await makePartner(h.db, { name: "Серт Москва", status: "certified", city: "Москва" });
    p.bizSpb = await makePartner(h.db, {
      name: "Бизнес СПб",
      status: "business",
      city: "Санкт-Петербург",
      email: "info@biz-spb.example",
    });
    p.bizMsk = await makePartner(h.db, { name: "Бизнес Москва", status: "business", city: "Москва" });
    p.ended = await makePartner(h.db, { name: "Бывший", status: "none", city: "Санкт-Петербург" });
    for (const id of Object.values(p)) await link(h.db, employee.userId, id, "limited", true);
  });
  afterAll(() => h.close());

  const outboxTo = async (to: string) => h.db.select().from(emailOutbox).where(eq(emailOutbox.to, to));

  it("R7.1a: bad input is a 422 naming the field", async () => {
    const res = await req("POST", "/leads", client, lead({ maxProposals: 0, contactEmail: "nope" }));
    expect(res.status).toBe(422);
    const paths = (await body(res)).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["maxProposals", "contactEmail"]));
  });

  it("R7.1a: an anonymous lead waits for its e-mail; the signed token confirms it once", async () => {
    const res = await req(
      "POST",
      "/leads",
      undefined,
      lead({ contactEmail: "anon@client.example", city: "St. Petersburg" }),
    );
    expect(res.status).toBe(201);
    const posted = await body(res);
    expect(posted).toMatchObject({ state: "unconfirmed", city: "Санкт-Петербург" });
    expect(
      (await req("GET", "/moderation/leads", mod).then(body)).items.map((l: { id: string }) => l.id),
    ).not.toContain(posted.id);
    const [mail] = await outboxTo("anon@client.example");
    const token = /"token": "([^"]+)"/.exec(mail!.text)![1]!;
    const forged = `${token.slice(0, -3)}abc`;
    expect((await req("POST", "/leads/confirm", undefined, { token: forged })).status).toBe(422);
    const ok = await req("POST", "/leads/confirm", undefined, { token });
    expect(ok.status).toBe(200);
    expect(await body(ok)).toEqual({ id: posted.id, state: "pending" });
    expect((await req("POST", "/leads/confirm", undefined, { token })).status).toBe(409);
    expect(
      (await req("GET", "/moderation/leads", mod).then(body)).items.map((l: { id: string }) => l.id),
    ).toContain(posted.id);
  });

  it("R7.1a: an expired token is refused", async () => {
    const res = await req("POST", "/leads", undefined, lead({ contactEmail: "late@client.example" }));
    expect(res.status).toBe(201);
    const [mail] = await outboxTo("late@client.example");
    const token = /"token": "([^"]+)"/.exec(mail!.text)![1]!;
    const posted = h.clock.now;
    h.clock.now = () => new Date("2026-11-26T09:00:01Z"); // 48 h and a second later
    try {
      const late = await req("POST", "/leads/confirm", undefined, { token });
      expect(late.status).toBe(422);
      expect((await body(late)).errors[0].path).toBe("token");
    } finally {
      h.clock.now = posted;
    }
  });

  it("R7.1b: publication pushes Gold everywhere, Certified in its own city, never Business; to the leads e-mail, else the public one; logged", async () => {
    const posted = await body(await req("POST", "/leads", client, lead()));
    expect(posted.state).toBe("pending");
    expect(
      (await req("POST", `/moderation/leads/${posted.id}/decide`, client, { publish: true })).status,
    ).toBe(403);
    const res = await req("POST", `/moderation/leads/${posted.id}/decide`, mod, { publish: true });
    expect(res.status).toBe(200);
    const decided = await body(res);
    expect(decided.state).toBe("published");
    expect(new Set(decided.pushedTo)).toEqual(new Set([p.goldKazan, p.certSpb]));
    expect(await outboxTo("leads@gold-kazan.example")).toHaveLength(1);
    expect(await outboxTo("info@cert-spb.example")).toHaveLength(1);
    expect(await outboxTo("info@biz-spb.example")).toHaveLength(0);
    const [log] = await h.db.select().from(moderationLog).where(eq(moderationLog.targetId, posted.id));
    expect(log).toMatchObject({ action: "lead.publish", targetType: "lead" });
    expect((await outboxTo("irina@client.example")).map((m) => m.subject)).toEqual([
      "Ваша заявка опубликована / Your request is published",
    ]);
    // Decided once.
    expect(
      (await req("POST", `/moderation/leads/${posted.id}/decide`, mod, { publish: false, reason: "x" }))
        .status,
    ).toBe(409);
  });

  it("R7.1b: visibility — Gold all, Certified and Business their own city, a terminated partner nothing", async () => {
    const seen = async (id: string) =>
      (await req("GET", `/partners/${id}/leads`, employee.cookie).then(body)).items.map(
        (l: { city: string }) => l.city,
      );
    const [published] = await h.db.select().from(leads).where(eq(leads.state, "published"));
    expect(await seen(p.goldKazan!)).toContain(published!.city);
    expect(await seen(p.certSpb!)).toContain(published!.city);
    expect(await seen(p.bizSpb!)).toContain(published!.city);
    expect(await seen(p.certMsk!)).toEqual([]);
    expect(await seen(p.bizMsk!)).toEqual([]);
    expect(await seen(p.ended!)).toEqual([]);
    const items = (await req("GET", `/partners/${p.bizSpb}/leads`, employee.cookie).then(body)).items;
    expect(items[0]).toMatchObject({ access: "browse", open: true, contacts: null, proposal: null });
  });

  it("R7.1b: a lead stored before city keys existed is matched by its city", async () => {
    const [old] = await h.db
      .insert(leads)
      .values({
        description: "Старая заявка без ключа города",
        contactName: "Анна",
        contactEmail: "anna@client.example",
        city: "С.-Петербург",
        maxProposals: 2,
        state: "published",
        publishedAt: new Date("2026-11-20T09:00:00Z"),
      })
      .returning();
    const ids = async (id: string) =>
      (await req("GET", `/partners/${id}/leads`, employee.cookie).then(body)).items.map(
        (l: { id: string }) => l.id,
      );
    expect(await ids(p.bizSpb!)).toContain(old!.id);
    expect(await ids(p.bizMsk!)).not.toContain(old!.id);
    await h.db.update(leads).set({ state: "closed" }).where(eq(leads.id, old!.id));
  });

  it("R4E.7: only employees with the leads right see leads and propose", async () => {
    const noFlag = await account(h, "plain@partners.example");
    await link(h.db, noFlag.userId, p.goldKazan!, "full", false);
    expect((await req("GET", `/partners/${p.goldKazan}/leads`, noFlag.cookie)).status).toBe(403);
    const main = await account(h, "main@partners.example");
    await link(h.db, main.userId, p.goldKazan!, "main", false);
    expect((await req("GET", `/partners/${p.goldKazan}/leads`, main.cookie)).status).toBe(200);
  });

  it("R7.1c–e: a proposal reveals the client's contacts, mails the client, shows on /me/leads; one per partner; a competing platform is flagged", async () => {
    const [published] = await h.db.select().from(leads).where(eq(leads.state, "published"));
    const id = published!.id;
    expect(
      (
        await req("POST", `/partners/${p.certMsk}/leads/${id}/proposals`, employee.cookie, {
          text: "Сделаем на 1С-Битрикс за 2 месяца",
        })
      ).status,
    ).toBe(404);
    const res = await req("POST", `/partners/${p.bizSpb}/leads/${id}/proposals`, employee.cookie, {
      text: "Сделаем на 1С-Битрикс: Управление сайтом, редакция Бизнес, за 2 месяца",
    });
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({
      flagged: false,
      contacts: {
        name: "Ирина Клиентова",
        email: "irina@client.example",
        phone: "+7 812 111-22-33",
        extra: "Telegram @irina_client",
      },
    });
    const again = await req("POST", `/partners/${p.bizSpb}/leads/${id}/proposals`, employee.cookie, {
      text: "Ещё одно предложение от нас",
    });
    expect(again.status).toBe(409);
    const flagged = await req("POST", `/partners/${p.goldKazan}/leads/${id}/proposals`, employee.cookie, {
      text: "Можно дешевле на WordPress или на Тильде",
    });
    expect(flagged.status).toBe(201);
    expect((await body(flagged)).flagged).toBe(true);
    const queue = await req("GET", "/moderation/proposals", mod).then(body);
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ partnerId: p.goldKazan, platforms: ["Tilda", "WordPress"] });
    const [log] = await h.db
      .select()
      .from(moderationLog)
      .where(
        and(eq(moderationLog.action, "proposal.flagged"), eq(moderationLog.targetId, queue.items[0].id)),
      );
    expect(log?.actorUserId).toBe("system:leads");
    const mine = await req("GET", "/me/leads", client).then(body);
    const seen = mine.items.find((l: { id: string }) => l.id === id);
    // The test's clock is fixed: both proposals carry the same time, so compare as a set.
    expect(seen.proposals.map((x: { partnerName: string }) => x.partnerName).sort()).toEqual([
      "Бизнес СПб",
      "Золото Казань",
    ]);
    expect(
      await h.db.select().from(emailOutbox).where(like(emailOutbox.subject, "Предложение от партнёра%")),
    ).toHaveLength(2);
    const listed = (await req("GET", `/partners/${p.bizSpb}/leads`, employee.cookie).then(body)).items[0];
    expect(listed).toMatchObject({ open: false, contacts: { extra: "Telegram @irina_client" } });
  });

  it("R7.1a: a rejection needs a reason, is logged, mailed, and never pushed", async () => {
    const posted = await body(
      await req("POST", "/leads", client, lead({ city: "Москва", contactEmail: "rej@client.example" })),
    );
    expect((await req("POST", `/moderation/leads/${posted.id}/decide`, mod, { publish: false })).status).toBe(
      422,
    );
    const res = await req("POST", `/moderation/leads/${posted.id}/decide`, mod, {
      publish: false,
      reason: "Нет описания задачи",
    });
    expect(await body(res)).toMatchObject({ state: "rejected", pushedTo: [] });
    expect((await outboxTo("rej@client.example"))[0]?.text).toContain("Нет описания задачи");
    expect(
      (
        await req("POST", `/partners/${p.goldKazan}/leads/${posted.id}/proposals`, employee.cookie, {
          text: "Сделаем всё на Битриксе",
        })
      ).status,
    ).toBe(404);
    const rows = await h.db.select().from(proposals).where(eq(proposals.leadId, posted.id));
    expect(rows).toHaveLength(0);
  });
});
