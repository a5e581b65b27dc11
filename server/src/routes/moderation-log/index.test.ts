import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moderationLog } from "../../db/schema/index.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { signedInAccount } from "../../test/http.ts";

describe("GET /api/v1/admin/moderation-log (audit trail)", () => {
  let h: Harness;
  let clientCookie: string;
  let moderatorCookie: string;
  let adminCookie: string;
  const get = (query: string, cookie = adminCookie) =>
    h.app.request(`/api/v1/admin/moderation-log${query}`, { headers: { cookie } });

  beforeAll(async () => {
    h = await createHarness();
    clientCookie = (await signedInAccount(h, "client@example.ru", { role: "client" })).cookie;
    moderatorCookie = (await signedInAccount(h, "mod@example.ru", { role: "moderator" })).cookie;
    adminCookie = (await signedInAccount(h, "admin@example.ru", { role: "admin" })).cookie;
    // 30 entries: two actors, two actions, one minute apart; three share one instant (keyset ties on id).
    const base = Date.parse("2026-01-02T03:00:00Z");
    await h.db.insert(moderationLog).values(
      Array.from({ length: 30 }, (_, i) => ({
        actorUserId: i % 2 ? "mod-a" : "mod-b",
        at: new Date(base + (i < 3 ? 0 : i) * 60_000),
        action: i % 3 ? "card.approve" : "card.reject",
        targetType: i % 5 ? "card_version" : "partner",
        targetId: `t${i}`,
        reason: i === 7 ? "нет описания" : null,
      })),
    );
  });
  afterAll(() => h.close());

  it("issue 5: admins see it; moderators and clients get 403 problem+json", async () => {
    for (const cookie of [clientCookie, moderatorCookie]) {
      const res = await get("", cookie);
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    const res = await get("");
    expect(res.status).toBe(200);
    const page = await body(res);
    expect(page.items).toHaveLength(30);
    expect(page.items[0]).toMatchObject({ targetId: "t29", at: "2026-01-02T03:29:00.000Z" });
    expect(page.nextCursor).toBeNull();
  });

  it("filters by actor, action, target type and id, and a time window [from, to)", async () => {
    const ids = async (q: string) =>
      (await body(await get(q))).items.map((i: { targetId: string }) => i.targetId);
    expect(await ids("?actor=mod-a&action=card.reject")).toEqual(["t27", "t21", "t15", "t9", "t3"]);
    expect(await ids("?targetType=partner&actor=mod-b")).toEqual(["t20", "t10", "t0"]);
    expect(await ids("?targetId=t7")).toEqual(["t7"]);
    expect(await ids("?from=2026-01-02T03:10:00Z&to=2026-01-02T03:13:00Z")).toEqual(["t12", "t11", "t10"]);
    expect(await ids("?from=2026-01-02T06:10:00%2B03:00&to=2026-01-02T06:11:00%2B03:00")).toEqual(["t10"]);
  });

  it("keyset pages: every entry once, in order, also across equal instants", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await body(await get(`?limit=4${cursor ? `&cursor=${cursor}` : ""}`));
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((i: { targetId: string }) => i.targetId));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(seen.slice(0, 27)).toEqual(Array.from({ length: 27 }, (_, i) => `t${29 - i}`));
    // A new entry after the first page was read does not shift the next pages (keyset, not offset).
    const first = await body(await get("?limit=10"));
    await h.db.insert(moderationLog).values({
      actorUserId: "mod-a",
      at: new Date("2026-01-03T00:00:00Z"),
      action: "card.approve",
      targetType: "partner",
      targetId: "late",
    });
    const second = await body(await get(`?limit=10&cursor=${first.nextCursor}`));
    expect(second.items[0].targetId).toBe("t19");
  });

  it("bad input: 422 naming the field", async () => {
    for (const [q, field] of [
      ["?limit=abc", "limit"],
      ["?limit=1000", "limit"],
      ["?from=yesterday", "from"],
      ["?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to"],
      ["?cursor=not-a-cursor", "cursor"],
      [`?actor=${"x".repeat(201)}`, "actor"],
    ]) {
      const res = await get(q!);
      expect(res.status, q).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await body(res)).errors.map((e: { path: string }) => e.path)).toContain(field);
    }
  });
});
