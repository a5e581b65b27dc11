import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { partnerChanged } from "../../program/status/events.ts";
import { seedDemo } from "../../seed/index.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";

type Item = { id: string; name: string; status: string; city: string; competencies: { id: string }[] };

describe("GET /api/v1/public/partners (R2.7, R4.3)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h);
    // Гамма stops publishing (R1.4a): it leaves the directory.
    const [gamma] = await h.db.select().from(s.partners).where(eq(s.partners.name, "Гамма Веб"));
    await h.db
      .update(s.cardVersions)
      .set({ publishOnSite: false })
      .where(eq(s.cardVersions.partnerId, gamma!.id));
  });
  afterAll(() => h.close());

  const list = async (qs = "") => {
    const res = await h.app.request(`/api/v1/public/partners${qs}`);
    expect(res.status).toBe(200);
    return (await body(res)) as { items: Item[]; nextCursor: string | null };
  };

  it("published partners only, ranked (Gold before Certified before Business), no terminated or unpublished", async () => {
    const { items, nextCursor } = await list("?limit=100");
    expect(nextCursor).toBeNull();
    const names = items.map((i) => i.name);
    expect(names).not.toContain("Зета Веб");
    expect(names).not.toContain("Гамма Веб");
    expect(items.map((i) => i.status)).toEqual(
      [...items.map((i) => i.status)].sort((a, b) => rank(a) - rank(b)),
    );
    expect(names.slice(0, 3).sort()).toEqual(["Веб-студия Альфа", "Север Софт", "Урал Веб"]);
    expect(Object.keys(items[0]!).sort()).toEqual(
      ["city", "competencies", "id", "logoUrl", "name", "status", "website"].sort(),
    );
  });

  it("filters: city in another case, status, competency, q in Cyrillic", async () => {
    expect(
      (await list("?city=%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0")).items.map((i) => i.name).sort(),
    ).toEqual(["Бета Студио", "Веб-студия Альфа"]);
    expect((await list("?status=certified")).items.every((i) => i.status === "certified")).toBe(true);
    expect((await list("?competency=medicine")).items.map((i) => i.name)).toEqual(["Бета Студио"]);
    expect((await list(`?q=${encodeURIComponent("СЕВЕР")}`)).items.map((i) => i.name)).toEqual([
      "Север Софт",
    ]);
    const perCompetency = await body(await h.app.request("/api/v1/public/competencies/medicine/partners"));
    expect(perCompetency.items.map((i: Item) => i.name)).toEqual(["Бета Студио"]);
  });

  it("cursor pagination: the same order, no duplicates, no gaps", async () => {
    const all = (await list("?limit=100")).items.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const pageOf: { items: Item[]; nextCursor: string | null } = await list(
        `?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...pageOf.items.map((i) => i.id));
      cursor = pageOf.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("public profile: status, since, until, competencies, domains, last check; unknown 404", async () => {
    const [alfa] = await h.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа"));
    const res = await h.app.request(`/api/v1/public/partners/${alfa!.id}`);
    expect(res.status).toBe(200);
    const p = await body(res);
    expect(p).toMatchObject({
      status: "gold",
      qmParticipant: true,
      domains: expect.arrayContaining(["alfa-web.ru"]),
    });
    expect(typeof p.since).toBe("string");
    expect(typeof p.lastCheckedAt).toBe("string");
    expect((await h.app.request("/api/v1/public/partners/nope")).status).toBe(404);
  });

  it("bad query parameters: 422 naming the field", async () => {
    for (const [qs, field] of [
      ["?limit=0", "limit"],
      ["?status=platinum", "status"],
      ["?cursor=garbage", "cursor"],
    ] as const) {
      const res = await h.app.request(`/api/v1/public/partners${qs}`);
      expect(res.status).toBe(422);
      expect(JSON.stringify(await body(res))).toContain(field);
    }
  });

  it("R2.7: approved marketing activity within the points' window raises a partner among its status", async () => {
    const business = async () => (await list("?status=business&limit=100")).items.map((i) => i.id);
    const before = await business();
    const last = before.at(-1)!;
    const first = before[0]!;
    const request = (partnerId: string, decidedAt: Date, state: "approved" | "rejected" = "approved") => ({
      partnerId,
      reason: "marketing" as const,
      description: "Вебинар для клиентов",
      state,
      points: 5,
      submittedAt: decidedAt,
      decidedAt,
    });
    // Outside the window, or rejected: no effect.
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    await h.db
      .insert(s.additionalPointsRequests)
      .values([
        ...Array.from({ length: 50 }, () => request(last, longAgo)),
        ...Array.from({ length: 50 }, () => request(last, new Date(), "rejected")),
      ]);
    partnerChanged(h.db, [last]); // as a decision's recordAccrual announces it
    expect(await business()).toEqual(before);
    await h.db
      .insert(s.additionalPointsRequests)
      .values(Array.from({ length: 50 }, () => request(last, new Date())));
    partnerChanged(h.db, [last]);
    const after = await business();
    expect(after[0]).toBe(last);
    expect(after).toContain(first);
  });
});

const rank = (status: string) => ["gold", "certified", "business"].indexOf(status);
