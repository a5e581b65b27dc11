// R5.2: a module's publication claim through the cabinet's Marketplace page and its decision in the moderation
// console's Marketplace queue, on the demo data (the seeded pending claim of alfa.delivery).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { seedDemo } from "../../seed/index.ts";
import { createHarness, type Harness, signIn } from "../../test/harness.ts";
import { getPage, postForm } from "../../test/http.ts";

describe("cabinet and console: Marketplace publication points (R5.2)", () => {
  let h: Harness;
  let alfa: string;
  const cookies: Record<string, string> = {};
  const modules: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h);
    for (const who of ["partner", "employee", "moderator"]) {
      cookies[who] = await signIn(h.app, `${who}@partner-trust.local`, `${who}-demo`);
    }
    for (const m of await h.db.select().from(s.marketplaceModules)) {
      modules[m.code] = m.id;
      alfa = m.partnerId;
    }
  });
  afterAll(() => h.close());

  const get = (path: string, who: string) => getPage(h, path, cookies[who]);
  const post = (path: string, form: Record<string, string>, who: string) =>
    postForm(h, path, form, cookies[who]);

  it("R5.2: the page shows the seeded pending claim without a form, and the claim form of an unclaimed module", async () => {
    const page = await get(`/cabinet/${alfa}/marketplace`, "partner");
    expect(page.res.status).toBe(200);
    expect(page.text).toContain("на проверке у модератора");
    expect(page.text).toContain("https://marketplace.1c-bitrix.ru/solutions/alfa.delivery/");
    expect(page.text).not.toContain(
      `action="/cabinet/${alfa}/marketplace/${modules["alfa.delivery"]}/publication"`,
    );
    expect(page.text).toContain(
      `action="/cabinet/${alfa}/marketplace/${modules["alfa.reviews"]}/publication"`,
    );
  });

  it("R5.2: a claim is checked by field (the Marketplace host, whole roubles); a good one goes to the queue", async () => {
    const id = modules["alfa.reviews"]!;
    const url = `/cabinet/${alfa}/marketplace/${id}/publication`;
    const bad = await post(url, { marketplaceUrl: "https://example.ru/reviews", priceRub: "" }, "partner");
    expect(bad.res.status).toBe(422);
    expect(bad.text).toContain(`id="f-publication-${id}-marketplaceUrl-err"`);
    expect(bad.text).toContain(`id="f-publication-${id}-priceRub-err"`);
    expect(bad.text).toContain("<details open>");
    // R4E.4: the moderator may look, not claim.
    const good = {
      marketplaceUrl: "https://marketplace.1c-bitrix.ru/solutions/alfa.reviews/",
      priceRub: "4900",
    };
    expect((await post(url, good, "moderator")).res.status).toBe(403);
    const ok = await post(url, good, "partner");
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get("location")).toBe(`/cabinet/${alfa}/marketplace?done=publication`);
    const again = await post(url, good, "partner");
    expect(again.res.status).toBe(409);
    expect(again.text).toContain("уже на проверке");

    const queue = await get("/moderation/marketplace", "moderator");
    expect(queue.res.status).toBe(200);
    expect(queue.text).toContain("Публикации в Marketplace");
    expect(queue.text).toContain("alfa.delivery"); // seeded
    expect(queue.text).toContain("alfa.reviews");
    expect((await get("/moderation/marketplace", "partner")).res.status).toBe(403);
  });

  it("R5.2: the console refuses without a note at its field, credits the points and the cabinet shows them", async () => {
    const id = modules["alfa.delivery"]!;
    const item = await get(`/moderation/marketplace/${id}`, "moderator");
    expect(item.text).toMatch(/баллов при зачёте[\s\S]*?<strong>12<\/strong>/); // round-half-up(11 900 / 1000)
    const noNote = await post(
      `/moderation/marketplace/${id}/decide`,
      { credit: "no", note: " " },
      "moderator",
    );
    expect(noNote.res.status).toBe(422);
    expect(noNote.text).toContain('id="f-note-err"');
    const ok = await post(`/moderation/marketplace/${id}/decide`, { credit: "yes", note: "" }, "moderator");
    expect(ok.res.status).toBe(303);
    const accrued = await h.db
      .select()
      .from(s.pointAccruals)
      .where(and(eq(s.pointAccruals.sourceType, "marketplace"), eq(s.pointAccruals.sourceId, id)));
    expect(accrued.map((a) => a.points)).toEqual([12]);
    const page = await get(`/cabinet/${alfa}/marketplace`, "partner");
    expect(page.text).toMatch(/засчитана[\s\S]*?<strong>12<\/strong>/);
    expect((await get(`/moderation/marketplace/${id}`, "moderator")).res.status).toBe(404);
  });

  it("R5.2: a rejection's note reaches the cabinet, which offers the claim form again", async () => {
    const id = modules["alfa.reviews"]!;
    const note = "Цена на странице модуля другая";
    const ok = await post(`/moderation/marketplace/${id}/decide`, { credit: "no", note }, "moderator");
    expect(ok.res.status).toBe(303);
    const page = await get(`/cabinet/${alfa}/marketplace`, "partner");
    expect(page.text).toContain(note);
    expect(page.text).toContain(`action="/cabinet/${alfa}/marketplace/${id}/publication"`);
  });
});
