import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { decideRequest } from "../../program/additional-points/requests.ts";
import {
  partnerWithUsers,
  staffUser,
  type TestPartner,
  withPriceList,
} from "../../program/purchases/test-support.ts";
import { dayClock } from "../../program/status/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { jsonInit } from "../../test/http.ts";

const clock = dayClock("2026-10-28");

describe("additional points (R5.3)", () => {
  let h: Harness;
  let p: TestPartner;
  let mod: { cookie: string; id: string };
  beforeAll(async () => {
    h = await createHarness({ clock });
    await withPriceList(h, clock);
    p = await partnerWithUsers(h, { approvedOn: "2026-03-02", name: "ООО Маркетинг" });
    mod = await staffUser(h, "moderator");
  });
  afterAll(() => h.close());

  const post = (path: string, cookie: string, payload: unknown) =>
    h.app.request(`/api/v1${path}`, jsonInit("POST", cookie, payload));
  const request = (cookie: string, payload: Record<string, unknown> = {}) =>
    post(`/partners/${p.id}/additional-points`, cookie, {
      kind: "marketing",
      description: "Семинар «Битрикс для ритейла», 40 участников",
      evidenceUrl: "https://example.ru/seminar",
      ...payload,
    });
  const queue = async () =>
    (
      await body(
        await h.app.request("/api/v1/moderation/additional-points", { headers: { cookie: mod.cookie } }),
      )
    ).items as { id: string; overdue: boolean; dueOn: string }[];

  it("R5.3, R4E.4: section users (limited too) request; certified-only users 403; bad input 422", async () => {
    const res = await request(p.limited);
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({ state: "pending", kind: "marketing", points: null });
    expect((await request(p.certified)).status).toBe(403);
    expect((await request("")).status).toBe(401);
    const bad = await request(p.main, { kind: "gift" });
    expect(bad.status).toBe(422);
    expect((await body(bad)).errors[0].path).toBe("kind");
    expect((await request(p.main, { evidenceUrl: "javascript:alert(1)" })).status).toBe(422);
  });

  it("R5.3: the queue is oldest first and flags a request overdue after 10 working days (4 Nov is a holiday)", async () => {
    clock.set("2026-11-12");
    const [first] = await queue();
    expect(first).toMatchObject({ dueOn: "2026-11-12", overdue: false });
    clock.set("2026-11-13");
    expect((await queue())[0]).toMatchObject({ overdue: true });
    const partnerView = await h.app.request(`/api/v1/moderation/additional-points`, {
      headers: { cookie: p.main },
    });
    expect(partnerView.status).toBe(403);
  });

  it("R5.3, R7.4: a seminar's marketing-activity request, approved, credits the amount as additional points at once, logged and mailed (ru, then en)", async () => {
    const [item] = await queue();
    const res = await post(`/moderation/additional-points/${item!.id}/decide`, mod.cookie, {
      approve: true,
      points: 12,
      reason: "Семинар подтверждён",
    });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({
      state: "approved",
      points: 12,
      moderatorReason: "Семинар подтверждён",
    });
    const accruals = await h.db
      .select()
      .from(s.pointAccruals)
      .where(and(eq(s.pointAccruals.sourceType, "additional"), eq(s.pointAccruals.sourceId, item!.id)));
    expect(accruals).toMatchObject([{ partnerId: p.id, points: 12, day: "2026-11-13" }]);
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, item!.id));
    expect(log).toMatchObject([{ action: "additional_points.approve", actorUserId: mod.id }]);
    const [mail] = await h.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, p.mainEmail));
    expect(mail!.subject).toMatch(/^Начислены дополнительные баллы: 12 \/ Additional points credited: 12$/);
    expect(mail!.text.indexOf("начислено")).toBeLessThan(mail!.text.indexOf("credited"));
    // Decided once: a second decision is a conflict and credits nothing.
    const again = await post(`/moderation/additional-points/${item!.id}/decide`, mod.cookie, {
      approve: true,
      points: 12,
      reason: "ещё раз",
    });
    expect(again.status).toBe(409);
    expect(await queue()).toHaveLength(0);
  });

  it("R5.3: a refusal credits nothing, names its reason; an approval without an amount is 422", async () => {
    const created = await body(
      await request(p.full, { kind: "review", description: "Отзыв клиента ООО Ромашка о проекте" }),
    );
    const noAmount = await post(`/moderation/additional-points/${created.id}/decide`, mod.cookie, {
      approve: true,
      reason: "ок",
    });
    expect(noAmount.status).toBe(422);
    expect((await body(noAmount)).errors[0].path).toBe("points");
    expect(
      (
        await post(`/moderation/additional-points/${created.id}/decide`, p.main, {
          approve: false,
          reason: "x",
        })
      ).status,
    ).toBe(403);
    const res = await post(`/moderation/additional-points/${created.id}/decide`, mod.cookie, {
      approve: false,
      reason: "Отзыв не подтверждён клиентом",
    });
    expect(await body(res)).toMatchObject({ state: "rejected", points: 0 });
    const accruals = await h.db
      .select()
      .from(s.pointAccruals)
      .where(eq(s.pointAccruals.sourceId, created.id));
    expect(accruals).toHaveLength(0);
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, created.id));
    expect(log).toMatchObject([
      { action: "additional_points.reject", reason: "Отзыв не подтверждён клиентом" },
    ]);
    const mine = await body(
      await h.app.request(`/api/v1/partners/${p.id}/additional-points`, { headers: { cookie: p.limited } }),
    );
    expect(mine.items.map((i: { state: string }) => i.state)).toEqual(["rejected", "approved"]);
  });

  it("R5.3: two moderators deciding at once — one decision is written, the other is a conflict", async () => {
    const created = await body(
      await request(p.main, { kind: "support", description: "Круглосуточная поддержка клиента" }),
    );
    const other = await staffUser(h, "moderator");
    const results = await Promise.allSettled([
      decideRequest(
        h.db,
        { requestId: created.id, moderatorId: mod.id, decision: { approve: true, points: 5, reason: "a" } },
        { clock },
      ),
      decideRequest(
        h.db,
        { requestId: created.id, moderatorId: other.id, decision: { approve: true, points: 7, reason: "b" } },
        { clock },
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      kind: "conflict",
    });
    const accruals = await h.db
      .select()
      .from(s.pointAccruals)
      .where(eq(s.pointAccruals.sourceId, created.id));
    expect(accruals).toHaveLength(1);
    const decisions = await h.db
      .select()
      .from(s.additionalPointsDecisions)
      .where(eq(s.additionalPointsDecisions.requestId, created.id));
    expect(decisions).toHaveLength(1);
  });

  it("R1.5c: a terminated partner's open request cannot be credited (409) but can be declined; no new requests", async () => {
    const created = await body(
      await request(p.main, { kind: "marketing", description: "Выставка «Сибирь-IT», стенд партнёра" }),
    );
    await h.db
      .update(s.partners)
      .set({
        status: "none",
        statusSince: "2026-11-13",
        statusUntil: null,
        terminatedAt: new Date("2026-11-12T21:00:00Z"),
      })
      .where(eq(s.partners.id, p.id));
    const path = `/moderation/additional-points/${created.id}/decide`;
    expect((await post(path, mod.cookie, { approve: true, points: 3, reason: "ок" })).status).toBe(409);
    expect((await post(path, mod.cookie, { approve: false, reason: "Партнёрство прекращено" })).status).toBe(
      200,
    );
    expect((await request(p.main)).status).toBe(409);
  });
});
