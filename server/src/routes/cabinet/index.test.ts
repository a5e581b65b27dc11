import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { seedDemo } from "../../seed/index.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { jsonInit, partnerIdByName, signInDemo } from "../../test/http.ts";

const today = new Date("2026-11-24T09:00:00Z");

describe("GET /api/v1/partners/{partnerId}/cabinet (R2.6)", () => {
  let h: Harness;
  let alfa: string;
  let partner: string;
  const url = (id: string, q = "") => `/api/v1/partners/${id}/cabinet${q}`;
  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock(today) });
    await seedDemo(h);
    alfa = await partnerIdByName(h, "Веб-студия Альфа");
    partner = await signInDemo(h, "partner");
  });
  afterAll(() => h.close());

  it("R2.6: status with its dates, active points, certified employees and the forecast — the standing's own figures", async () => {
    const res = await h.app.request(url(alfa), { headers: { cookie: partner } });
    expect(res.status).toBe(200);
    const cabinet = await body(res);
    const standing = await body(
      await h.app.request(`/api/v1/partners/${alfa}/standing`, { headers: { cookie: partner } }),
    );
    expect(cabinet).toMatchObject({
      partnerId: alfa,
      on: "2026-11-24",
      status: "gold",
      statusSince: standing.since,
      statusUntil: standing.until,
      activePoints: standing.activePoints,
      certifiedEmployees: standing.certifiedEmployees,
      forecast: standing.forecast,
    });
    const [row] = await h.db.select().from(s.partners).where(eq(s.partners.id, alfa));
    expect(cabinet.statusSince).toBe(row!.statusSince);
  });

  it("R1.4c, W1: pending changes list the card version waiting for moderation and the unverified domains", async () => {
    const before = await body(await h.app.request(url(alfa), { headers: { cookie: partner } }));
    expect(before.pendingChanges.cardVersions).toEqual([]);
    const card = await body(
      await h.app.request(`/api/v1/partners/${alfa}/card`, { headers: { cookie: partner } }),
    );
    const put = await h.app.request(
      `/api/v1/partners/${alfa}/card`,
      jsonInit("PUT", partner, {
        name: card.approved.name,
        city: card.approved.city,
        description: "Новое описание",
        phones: card.approved.phones,
        emails: card.approved.emails,
        addresses: card.approved.addresses,
        website: card.approved.website,
        publishOnSite: true,
      }),
    );
    const pending = await body(put);
    await h.app.request(
      `/api/v1/partners/${alfa}/domains`,
      jsonInit("POST", partner, { host: "new-office.ru" }),
    );
    const after = await body(await h.app.request(url(alfa), { headers: { cookie: partner } }));
    expect(after.pendingChanges.cardVersions).toEqual([
      {
        id: pending.id,
        version: pending.version,
        submittedAt: pending.submittedAt,
        fields: ["description", "bitrix24Portal"],
      },
    ]);
    expect(after.pendingChanges.domains).toEqual([
      { host: "new-office.ru", verification: "pending", createdAt: expect.any(String) },
    ]);
  });

  it("R2.6: notifications are the outbox e-mails to the partner's users, newest first; others' mail is not listed", async () => {
    const [main] = await h.db.select().from(s.user).where(eq(s.user.email, "partner@partner-trust.local"));
    // After every seeded e-mail (the seed writes at the fixed clock's time).
    const later = (minutes: number) => new Date(today.getTime() + minutes * 60_000);
    for (const [subject, at] of [
      ["Первое / First", later(1)],
      ["Второе / Second", later(2)],
    ] as const)
      await h.db
        .insert(s.emailOutbox)
        .values({ to: main!.email, subject, text: subject, nextAttemptAt: at, createdAt: at });
    await h.mailer.enqueue({ to: "stranger@example.ru", subject: "Чужое / Not theirs", text: "3" });
    const cabinet = await body(
      await h.app.request(url(alfa, "?notifications=2"), { headers: { cookie: partner } }),
    );
    expect(cabinet.notifications.map((n: { subject: string }) => n.subject)).toEqual([
      "Второе / Second",
      "Первое / First",
    ]);
    const all = await body(
      await h.app.request(url(alfa, "?notifications=100"), { headers: { cookie: partner } }),
    );
    expect(all.notifications.some((n: { to: string }) => n.to === "stranger@example.ru")).toBe(false);
  });

  it("R4E.4: limited users 403, staff allowed, unknown partner 404, bad query 422", async () => {
    const limited = await signInDemo(h, "employee");
    expect((await h.app.request(url(alfa), { headers: { cookie: limited } })).status).toBe(403);
    const moderator = await signInDemo(h, "moderator");
    expect((await h.app.request(url(alfa), { headers: { cookie: moderator } })).status).toBe(200);
    expect((await h.app.request(url("no-such-partner"), { headers: { cookie: moderator } })).status).toBe(
      404,
    );
    const bad = await h.app.request(url(alfa, "?notifications=-1"), { headers: { cookie: partner } });
    expect(bad.status).toBe(422);
    expect((await body(bad)).errors[0].path).toBe("notifications");
  });
});
