import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moderationLog, partners } from "../../db/schema/index.ts";
import { createHarness, type Harness } from "../../test/harness.ts";
import { jsonInit, signedInAccount } from "../../test/http.ts";

describe("POST /api/v1/partners/{partnerId}/paper-contract (R1.3)", () => {
  let h: Harness;
  let mod: string;
  let other: string;
  let partnerId: string;
  const post = (id: string, cookie: string, json: unknown) =>
    h.app.request(`/api/v1/partners/${id}/paper-contract`, jsonInit("POST", cookie, json));
  beforeAll(async () => {
    h = await createHarness();
    mod = (await signedInAccount(h, "mod@example.ru", { role: "moderator", password: "moderator-pass" }))
      .cookie;
    other = (await signedInAccount(h, "other@example.ru", { password: "other-pass-1" })).cookie;
    const [p] = await h.db
      .insert(partners)
      .values({
        name: "ООО Ромашка",
        legalKind: "legal_entity",
        city: "Москва",
        approvedAt: new Date("2026-01-10T09:00:00Z"),
        statusSince: "2026-01-10",
      })
      .returning();
    partnerId = p!.id;
  });
  afterAll(() => h.close());

  it("anonymous 401, a non-moderator 403", async () => {
    expect((await post(partnerId, "", { receivedOn: "2026-02-01" })).status).toBe(401);
    expect((await post(partnerId, other, { receivedOn: "2026-02-01" })).status).toBe(403);
  });

  it("a moderator records the date; logged; bad date 422; unknown partner 404", async () => {
    expect((await post(partnerId, mod, { receivedOn: "1 Feb" })).status).toBe(422);
    expect((await post("nope", mod, { receivedOn: "2026-02-01" })).status).toBe(404);
    const res = await post(partnerId, mod, { receivedOn: "2026-02-01" });
    expect(res.status).toBe(200);
    const [row] = await h.db.select().from(partners).where(eq(partners.id, partnerId));
    expect(row?.paperContractAt).toBeInstanceOf(Date);
    const log = await h.db.select().from(moderationLog).where(eq(moderationLog.targetId, partnerId));
    expect(log).toMatchObject([{ action: "partner.paper_contract", targetType: "partner" }]);
  });
});
