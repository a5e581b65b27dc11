import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import { applications, calendarDays, emailOutbox, moderationLog } from "../../db/schema/index.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { sender, signedInAccount } from "../../test/http.ts";

// Tuesday 2026-11-10, 12:00 Moscow.
const NOW = "2026-11-10T09:00:00Z";

describe("application moderation (R1.2b)", () => {
  let h: Harness;
  let mod: string;
  let applicant: string;
  let applicantId: string;
  const send = sender(() => h);
  const req = (path: string, cookie: string, json?: unknown) =>
    send(json === undefined ? "GET" : "POST", path, cookie, json);
  const insert = async (inn: string, submittedAt: string) => {
    const [row] = await h.db
      .insert(applications)
      .values({
        userId: applicantId,
        companyName: `ООО ${inn}`,
        inn,
        legalKind: "legal_entity",
        city: "Москва",
        contactName: "Иван",
        contactPhone: "+70000000000",
        contactEmail: `${inn}@example.ru`,
        activity: "1С-Битрикс",
        personalDataConsent: true,
        submittedAt: new Date(submittedAt),
      })
      .returning();
    return row!.id;
  };
  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock(NOW) });
    mod = (await signedInAccount(h, "mod@example.ru", { role: "moderator", password: "moderator-pass" }))
      .cookie;
    ({ cookie: applicant, userId: applicantId } = await signedInAccount(h, "app@example.ru", {
      password: "applicant-pass",
    }));
    // A holiday on Friday 2026-11-06 (Wed 4th is National Unity Day in reality; one is enough here).
    await h.db
      .insert(calendarDays)
      .values([{ day: "2026-11-06", kind: "holiday" }])
      .onConflictDoNothing();
  });
  afterAll(() => h.close());

  it("anonymous 401, a non-moderator 403", async () => {
    expect((await req("/api/v1/moderation/applications", "")).status).toBe(401);
    expect((await req("/api/v1/moderation/applications", applicant)).status).toBe(403);
  });

  it("overdue after 3 working days, counting over a weekend and a holiday", async () => {
    // Wed 4th: working days Thu 5, (Fri 6 holiday), Mon 9, Tue 10 → due Tue 10, not yet overdue.
    const onTime = await insert("7707083893", "2026-11-04T09:00:00Z");
    // Tue 3rd: Wed 4, Thu 5, Mon 9 → due Mon 9, overdue on Tue 10.
    const late = await insert("7736207543", "2026-11-03T09:00:00Z");
    const q = await body(await req("/api/v1/moderation/applications", mod));
    const byId = Object.fromEntries(q.items.map((i: { id: string; overdue: boolean }) => [i.id, i.overdue]));
    expect(byId[onTime]).toBe(false);
    expect(byId[late]).toBe(true);
  });

  it("reject with a reason: logged, mailed, out of the queue", async () => {
    const id = await insert("7709860400", NOW);
    expect((await req(`/api/v1/moderation/applications/${id}/reject`, mod, { reason: "" })).status).toBe(422);
    const res = await req(`/api/v1/moderation/applications/${id}/reject`, mod, { reason: "Нет сайта" });
    expect(res.status).toBe(200);
    const [row] = await h.db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({ state: "rejected", moderatorNote: "Нет сайта" });
    const log = await h.db.select().from(moderationLog).where(eq(moderationLog.targetId, id));
    expect(log).toMatchObject([
      { action: "application.reject", reason: "Нет сайта", targetType: "application" },
    ]);
    const mail = await h.db.select().from(emailOutbox).where(eq(emailOutbox.to, "7709860400@example.ru"));
    expect(mail[0]?.subject).toMatch(/^Заявка отклонена \/ Application rejected/);
    const q = await body(await req("/api/v1/moderation/applications", mod));
    expect(q.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await req(`/api/v1/moderation/applications/${id}/reject`, mod, { reason: "x" })).status).toBe(
      409,
    );
  });

  it("ask for information → the applicant sees it and answers → back in the queue", async () => {
    const id = await insert("500100732259", NOW);
    const ask = await req(`/api/v1/moderation/applications/${id}/request-info`, mod, {
      reason: "Укажите сайт",
    });
    expect(ask.status).toBe(200);
    const mine = await body(await req("/api/v1/applications/mine", applicant));
    expect(mine.items.find((a: { id: string }) => a.id === id)).toMatchObject({
      state: "needs_info",
      moderatorNote: "Укажите сайт",
    });
    let q = await body(await req("/api/v1/moderation/applications", mod));
    expect(q.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await req(`/api/v1/applications/${id}/answer`, mod, { answer: "x" })).status).toBe(403);
    const ans = await req(`/api/v1/applications/${id}/answer`, applicant, { answer: "https://example.ru" });
    expect(ans.status).toBe(200);
    q = await body(await req("/api/v1/moderation/applications", mod));
    expect(q.items.map((i: { id: string }) => i.id)).toContain(id);
    const log = await h.db.select().from(moderationLog).where(eq(moderationLog.targetId, id));
    expect(log.map((l) => l.action)).toEqual(["application.request_info"]);
  });
});
