// The cabinet's sections on the demo data through the real app: card editing with the pending state (R1.4c),
// QM results (R5.5b), purchases (R5.2), NFR keys for main/full only (R6), leads and proposals (R7.1),
// promotions (R7.2), documents (R2.5) — each with who may open it (R4E).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../db/schema/index.ts";
import { cityKey } from "../program/cities/normalize.ts";
import { seedDemo } from "../seed/index.ts";
import { createHarness, type Harness, signIn } from "../test/harness.ts";

describe("cabinet sections (R1.4c, R5.2, R5.5b, R6, R7.1, R7.2, R2.5)", () => {
  let h: Harness;
  let alfa: string;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h);
    alfa = (await h.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа")))[0]!.id;
    for (const who of ["partner", "employee", "moderator"]) {
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
  const post = (path: string, form: Record<string, string> | FormData, who: string) =>
    h.app.request(path, {
      method: "POST",
      headers: {
        ...(form instanceof FormData ? {} : { "Content-Type": "application/x-www-form-urlencoded" }),
        Origin: "http://localhost",
        cookie: cookies[who]!,
      },
      body: form instanceof FormData ? form : new URLSearchParams(form).toString(),
      redirect: "manual",
    });

  it("R1.4c: a card edit becomes a pending version; the approved one stays what the directory shows", async () => {
    const page = await get(`/cabinet/${alfa}/card`, "partner");
    expect(page.res.status).toBe(200);
    expect(page.text).toContain("Одобренная версия");
    expect(page.text).not.toContain("ждёт проверки модератором");
    const bad = await post(
      `/cabinet/${alfa}/card`,
      { name: "Веб-студия Альфа", city: "Москва", phones: "12345", emails: "not-mail" },
      "partner",
    );
    expect(bad.status).toBe(422);
    const badText = await bad.text();
    expect(badText).toContain('id="f-phones-err"');
    expect(badText).toContain("Не российский номер телефона");
    expect(badText).toContain('id="f-emails-err"');
    const ok = await post(
      `/cabinet/${alfa}/card`,
      {
        name: "Веб-студия Альфа Плюс",
        city: "Москва",
        description: "Сайты и порталы на «1С-Битрикс».",
        phones: "+7 (495) 229-14-41\n8 800 250-18-60",
        emails: "INFO@alfa-web.ru",
        addresses: "Москва, ул. Примерная, 1",
        website: "https://alfa-web.ru",
        publishOnSite: "on",
      },
      "partner",
    );
    expect(ok.status).toBe(303);
    const after = await get(`/cabinet/${alfa}/card`, "partner");
    expect(after.text).toContain("ждёт проверки модератором");
    expect(after.text).toContain("Веб-студия Альфа Плюс");
    expect(after.text).toContain("+74952291441"); // stored in E.164
    expect(after.text).toContain("info@alfa-web.ru");
    const alfaVersions = await h.db.select().from(s.cardVersions).where(eq(s.cardVersions.partnerId, alfa));
    expect(alfaVersions.filter((v) => v.state === "pending")).toHaveLength(1);
    expect(alfaVersions.filter((v) => v.state === "approved")).toHaveLength(1);
    // The directory still shows the approved name (R1.4c).
    expect((await get("/")).text).not.toContain("Веб-студия Альфа Плюс");
    // The status page says a change is waiting.
    expect((await get(`/cabinet/${alfa}`, "partner")).text).toContain("ждут проверки модератором");
    // R4E.4: a limited employee may not edit the card.
    expect((await post(`/cabinet/${alfa}/card`, { name: "X", city: "Y" }, "employee")).status).toBe(403);
  });

  it("R1.4a: a logo that is not an image is refused next to the upload field", async () => {
    const form = new FormData();
    form.set(
      "file",
      new File(["<svg xmlns='http://www.w3.org/2000/svg'/>"], "logo.svg", { type: "image/svg+xml" }),
    );
    const res = await post(`/cabinet/${alfa}/card/logo`, form, "partner");
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('class="bad" role="alert"');
  });

  it("R5.5b, R5.2, R2.5: QM results, purchases and documents pages", async () => {
    const qm = await get(`/cabinet/${alfa}/qm`, "employee"); // R4E.4: limited users too
    expect(qm.res.status).toBe(200);
    expect(qm.text).toContain("Программа качества");
    const purchases = await get(`/cabinet/${alfa}/purchases`, "partner");
    expect(purchases.res.status).toBe(200);
    expect((await get(`/cabinet/${alfa}/purchases`, "employee")).res.status).toBe(403); // R4E.4: no "Buy"
    const docs = await get(`/cabinet/${alfa}/documents`, "partner");
    expect(docs.text).toContain(`/api/v1/partners/${alfa}/documents/certificate.pdf`);
  });

  it("R6: NFR keys for the partner's main and full users only — not limited users, not staff", async () => {
    const keys = await h.db.select().from(s.nfrLicenses).where(eq(s.nfrLicenses.partnerId, alfa));
    const page = await get(`/cabinet/${alfa}/nfr`, "partner");
    expect(page.res.status).toBe(200);
    for (const k of keys) expect(page.text).toContain(k.licenseKey);
    expect((await get(`/cabinet/${alfa}/nfr`, "employee")).res.status).toBe(403);
    expect((await get(`/cabinet/${alfa}/nfr`, "moderator")).res.status).toBe(403);
    expect((await get(`/cabinet/${alfa}`, "moderator")).text).not.toContain(`/cabinet/${alfa}/nfr"`);
  });

  it("R7.1b–d: the leads group sees its city's lead, proposes, then gets the client's contacts", async () => {
    const [lead] = await h.db
      .insert(s.leads)
      .values({
        description: "Нужен интернет-магазин на «1С-Битрикс» с обменом с 1С.",
        budgetRub: 500_000,
        contactName: "Ольга Клиентова",
        contactEmail: "olga@client.example",
        extraContacts: "Telegram @olga",
        city: "Москва",
        cityKey: cityKey("Москва"),
        maxProposals: 1,
        state: "published",
        publishedAt: new Date(),
      })
      .returning();
    const before = await get(`/cabinet/${alfa}/leads`, "employee"); // limited, with the leads flag
    expect(before.res.status).toBe(200);
    expect(before.text).toContain("Нужен интернет-магазин");
    expect(before.text).not.toContain("olga@client.example");
    const short = await post(`/cabinet/${alfa}/leads/${lead!.id}/proposals`, { text: "Да" }, "employee");
    expect(short.status).toBe(422);
    expect(await short.text()).toContain(`id="f-${lead!.id}-text-err"`);
    const sent = await post(
      `/cabinet/${alfa}/leads/${lead!.id}/proposals`,
      { text: "Сделаем магазин за два месяца, с обменом с 1С." },
      "employee",
    );
    expect(sent.status).toBe(303);
    const after = await get(`/cabinet/${alfa}/leads`, "employee");
    expect(after.text).toContain("olga@client.example");
    expect(after.text).toContain("Telegram @olga");
    // R7.1d: the cap was one — a second proposal from the same partner is refused.
    const again = await post(
      `/cabinet/${alfa}/leads/${lead!.id}/proposals`,
      { text: "Ещё одно предложение по этой заявке." },
      "partner",
    );
    expect(again.status).toBe(409);
  });

  it("R7.2: a Gold partner submits a promotion (dates checked next to the fields); it waits for moderation", async () => {
    const bad = await post(
      `/cabinet/${alfa}/promotions`,
      { title: "Скидка", body: "Внедрение со скидкой", startsOn: "2026-12-10", endsOn: "2026-12-01" },
      "partner",
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="f-endsOn-err"');
    const ok = await post(
      `/cabinet/${alfa}/promotions`,
      {
        title: "Внедрение CRM со скидкой",
        body: "Внедрение Битрикс24 за месяц",
        startsOn: "2026-12-01",
        endsOn: "2027-03-01",
      },
      "partner",
    );
    expect(ok.status).toBe(303);
    const page = await get(`/cabinet/${alfa}/promotions`, "partner");
    expect(page.text).toContain("Внедрение CRM со скидкой");
    expect(page.text).toContain("на модерации");
  });

  it("R5.2: buys from the cabinet at the discount; the same form sent twice buys once (its idempotency key)", async () => {
    const page = await get(`/cabinet/${alfa}/purchases`, "partner");
    const key = page.text.match(/name="key" value="([^"]+)"/)![1]!;
    const form = {
      key,
      kind: "renewal",
      editionCode: "business",
      quantity: "1",
      licenseKey: "SM-ALFA-RENEW-0001",
    };
    const before = (await h.db.select().from(s.purchases).where(eq(s.purchases.partnerId, alfa))).length;
    const first = await post(`/cabinet/${alfa}/purchases`, form, "partner");
    expect(first.status).toBe(303);
    const again = await post(`/cabinet/${alfa}/purchases`, form, "partner");
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    const rows = await h.db.select().from(s.purchases).where(eq(s.purchases.partnerId, alfa));
    expect(rows).toHaveLength(before + 1);
    const bought = rows.find((r) => r.idempotencyKey === key)!;
    expect(bought.discountPercent).toBe(50); // R2.4: Gold
    const notSold = await post(
      `/cabinet/${alfa}/purchases`,
      { key: crypto.randomUUID(), kind: "extra_sites", editionCode: "start" },
      "partner",
    );
    expect(notSold.status).toBe(422);
    expect(await notSold.text()).toContain('id="f-editionCode-err"');
  });

  it("R6.1b, R6.3a: the NFR request forms — unique field ids, a bad portal refused at its field, limited users refused", async () => {
    const page = await get(`/cabinet/${alfa}/nfr`, "partner");
    expect(page.text).toContain('id="f-downgrade-editionCode"');
    expect(page.text).toContain('id="f-own-site-editionCode"'); // two forms, unique ids
    const portal = await post(`/cabinet/${alfa}/nfr/bitrix24`, { portalDomain: "example.com" }, "partner");
    expect(portal.status).toBe(422);
    expect(await portal.text()).toContain('id="f-bitrix24-portalDomain-err"');
    expect((await post(`/cabinet/${alfa}/nfr/bitrix24`, { portalDomain: "x" }, "employee")).status).toBe(403);
  });

  it("R5.3: a limited employee asks for additional points; the request waits for a moderator", async () => {
    const bad = await post(`/cabinet/${alfa}/points`, { kind: "review", description: "кратко" }, "employee");
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="f-description-err"');
    const ok = await post(
      `/cabinet/${alfa}/points`,
      {
        kind: "marketing",
        description: "Доклад на конференции 1С-Битрикс в Москве",
        evidenceUrl: "https://alfa-web.ru/news/1",
      },
      "employee",
    );
    expect(ok.status).toBe(303);
    const page = await get(`/cabinet/${alfa}/points`, "employee");
    expect(page.text).toContain("Доклад на конференции");
    expect(page.text).toContain("на рассмотрении");
  });
});
