import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyRecompute } from "../program/status/daily.ts";
import { dayClock, withCatalogue } from "../program/status/test-support.ts";
import { demoPng } from "../seed/cards.ts";
import { body, createHarness, type Harness } from "../test/harness.ts";
import { sender, signedInAccount } from "../test/http.ts";

// Tuesday 2026-11-24, 10:00 Moscow.
const clock = dayClock("2026-11-24");

describe("partner lifecycle walk (issue 5: R1.2a–c, R4E.1, R1.4a–c, R2.7, R1.5a–c, W1)", () => {
  let h: Harness;
  const send = sender(() => h);
  const account = async (email: string, name: string, role?: string) =>
    (await signedInAccount(h, email, { role, name, password: "walk-password-1" })).cookie;
  const directoryIds = async () =>
    (await body(await send("GET", "/api/v1/public/partners"))).items.map((i: { id: string }) => i.id);
  const badgeStatus = async (id: string) => {
    const res = await send("GET", `/api/v1/public/partners/${id}/status`);
    expect(res.status).toBe(200);
    return (decodeJwt((await body(res)).token) as { partner: { status: string } }).partner.status;
  };

  beforeAll(async () => {
    h = await createHarness({ clock });
    await withCatalogue(h.db);
  });
  afterAll(() => h.close());

  it("walks from the application to the end of the partnership", async () => {
    const moderator = await account("moderator@walk.test", "Модератор", "moderator");
    const applicant = await account("director@studio-walk.ru", "Ирина Директорова");
    const accepting = await account("dev@studio-walk.ru", "Павел Разработчиков");
    const declining = await account("sales@studio-walk.ru", "Олег Продажин");

    // R1.2a: the application form.
    const applied = await send("POST", "/api/v1/applications", applicant, {
      companyType: "legal_entity",
      companyName: "ООО «Студия Прогулка»",
      inn: "7707083893",
      contactName: "Ирина Директорова",
      phone: "+7 (495) 123-45-67",
      email: "director@studio-walk.ru",
      city: "Москва",
      website: "https://studio-walk.ru",
      activity: "Разработка и поддержка сайтов на «1С-Битрикс»",
      consentPersonalData: true,
    });
    expect(applied.status).toBe(201);
    const applicationId = (await body(applied)).id;
    const queue = await body(await send("GET", "/api/v1/moderation/applications", moderator));
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(applicationId);

    // R1.2c: approval — Business, a dated electronic contract, the applicant as main user.
    const approved = await send(
      "POST",
      `/api/v1/moderation/applications/${applicationId}/approve`,
      moderator,
      {},
    );
    expect(approved.status).toBe(201);
    const { partnerId, status, contractNumber, contractDate } = await body(approved);
    expect({ status, contractDate }).toEqual({ status: "business", contractDate: "2026-11-24" });
    expect(contractNumber).toMatch(/^PT-20261124-/);
    expect(await badgeStatus(partnerId)).toBe("business");

    // R4E.1: two employees invited; one accepts, one declines; only the one who accepted gets access.
    const invite = async (email: string, level: string) => {
      const res = await send("POST", `/api/v1/partners/${partnerId}/employees`, applicant, { email, level });
      expect(res.status).toBe(201);
      return (await body(res)).id as string;
    };
    const devLink = await invite("dev@studio-walk.ru", "full");
    const salesLink = await invite("sales@studio-walk.ru", "limited");
    const mine = await body(await send("GET", "/api/v1/me/invitations", accepting));
    expect(mine.items).toMatchObject([{ id: devLink, partnerId, level: "full" }]);
    expect((await send("POST", `/api/v1/invitations/${devLink}/accept`, accepting)).status).toBe(200);
    expect((await send("POST", `/api/v1/invitations/${salesLink}/decline`, declining)).status).toBe(200);
    const team = await body(await send("GET", `/api/v1/partners/${partnerId}/employees`, applicant));
    const byLink = Object.fromEntries(
      team.items.map((e: { id: string; invitation: string }) => [e.id, e.invitation]),
    );
    expect(byLink).toMatchObject({ [devLink]: "accepted", [salesLink]: "declined" });
    expect((await send("GET", `/api/v1/partners/${partnerId}/card`, accepting)).status).toBe(200);
    expect((await send("GET", `/api/v1/partners/${partnerId}/card`, declining)).status).toBe(403);

    // R1.4a–c: not in the directory until a complete card is approved; the full-rights employee edits it.
    expect(await directoryIds()).not.toContain(partnerId);
    const logo = await h.app.request(`/api/v1/partners/${partnerId}/card/logo`, {
      method: "PUT",
      headers: { cookie: accepting, "content-type": "image/png" },
      body: demoPng(64, 64, [20, 90, 160]),
    });
    expect(logo.status).toBe(201);
    const edited = await send("PUT", `/api/v1/partners/${partnerId}/card`, accepting, {
      name: "Студия Прогулка",
      city: "Москва",
      description: "Интернет-магазины и корпоративные сайты на «1С-Битрикс».",
      phones: ["+7 (495) 123-45-67"],
      emails: ["info@studio-walk.ru"],
      addresses: ["Москва, ул. Тверская, 1"],
      website: "https://studio-walk.ru",
      publishOnSite: true,
    });
    expect(edited.status).toBe(202);
    const pending = await body(edited);
    expect(pending).toMatchObject({ state: "pending", publishable: true, missing: [] });
    expect(await directoryIds()).not.toContain(partnerId); // R1.4c: pending is not shown
    const changes = await body(await send("GET", "/api/v1/moderation/card-changes", moderator));
    expect(changes.items.map((c: { version: { id: string } }) => c.version.id)).toContain(pending.id);
    const decided = await send(
      "POST",
      `/api/v1/moderation/card-changes/${pending.id}/approve`,
      moderator,
      {},
    );
    expect(decided.status).toBe(200);

    // R2.7: published.
    const listed = await body(await send("GET", "/api/v1/public/partners"));
    expect(listed.items.find((i: { id: string }) => i.id === partnerId)).toMatchObject({
      name: "Студия Прогулка",
      status: "business",
      city: "Москва",
    });

    // R1.5b: notice of at least one month from the main user.
    const early = await send("POST", `/api/v1/partners/${partnerId}/termination`, applicant, {
      by: "partner",
      on: "2026-12-01",
    });
    expect(early.status).toBe(422);
    expect((await body(early)).errors[0].path).toBe("on");
    const notice = await send("POST", `/api/v1/partners/${partnerId}/termination`, applicant, {
      by: "partner",
      on: "2026-12-24",
      reason: "Закрываем направление",
    });
    expect(notice.status).toBe(201);
    expect(await body(notice)).toMatchObject({ partnerId, by: "partner", on: "2026-12-24" });
    expect(await badgeStatus(partnerId)).toBe("business"); // still a partner during the notice
    expect(await directoryIds()).toContain(partnerId);

    // R1.5c: the day before, still a partner; on the date the daily recompute ends it.
    clock.set("2026-12-23");
    await runDailyRecompute(h.db, "2026-12-23", { clock, holder: "walk" });
    expect(await badgeStatus(partnerId)).toBe("business");
    expect(await directoryIds()).toContain(partnerId);
    clock.set("2026-12-24");
    await runDailyRecompute(h.db, "2026-12-24", { clock, holder: "walk" });

    expect(await directoryIds()).not.toContain(partnerId);
    expect(await badgeStatus(partnerId)).toBe("none");
    const profile = await body(await send("GET", `/api/v1/public/partners/${partnerId}`));
    expect(JSON.stringify(profile)).toContain('"status":"none"');
    const page = await (await send("GET", `/partners/${partnerId}`)).text();
    expect(page).toContain("Не является партнёром");
    expect(page).toContain("Not a 1C-Bitrix partner");
    const standing = await body(await send("GET", `/api/v1/partners/${partnerId}/standing`, moderator));
    expect(standing).toMatchObject({ status: "none", discountPercent: 0 });
    const ended = await body(await send("GET", `/api/v1/partners/${partnerId}/termination`, moderator));
    expect(ended).toMatchObject({ by: "partner", on: "2026-12-24", state: "ended" });
  });
});
