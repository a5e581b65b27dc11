import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { body, createHarness, type Harness, signIn } from "../test/harness.ts";
import { demoAccounts } from "./accounts.ts";
import { seedDemo } from "./index.ts";

const account = (key: string) => demoAccounts.find((a) => a.key === key)!;

describe("demo seed: quality monitoring and NFR requests (R5.5, R6)", () => {
  let h: Harness;
  let partner: string;
  let mod: string;
  let alfaId: string;
  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock("2026-11-24T09:00:00Z") });
    await seedDemo(h);
    partner = await signIn(h.app, account("partner").email, account("partner").password);
    mod = await signIn(h.app, account("moderator").email, account("moderator").password);
    const [alfa] = await h.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа"));
    alfaId = alfa!.id;
  });
  afterAll(() => h.close());
  const get = async (cookie: string, path: string) => {
    const res = await h.app.request(`/api/v1${path}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return body(res);
  };

  it("R5.5b: the demo partner sees a completed QM with the client's ratings and one waiting for the call", async () => {
    const { items } = await get(partner, `/partners/${alfaId}/qm-results`);
    const rated = items.find((i: { client: { name: string } }) => i.client.name === "Марина Заказчикова");
    expect(rated).toMatchObject({ state: "completed", averageRating: 4.75 });
    expect(rated.points).toBeGreaterThan(0);
    expect(rated.ratings).toHaveLength(4);
    expect(rated.tests.some((t: { overridden: boolean }) => t.overridden)).toBe(true);
    const queue = await get(mod, "/moderation/qm-submissions");
    expect(queue.items).toEqual([expect.objectContaining({ partnerId: alfaId, state: "submitted" })]);
    const questionnaire = await get(partner, "/qm/questionnaire");
    expect(questionnaire.tests.length).toBeGreaterThan(0);
  });

  it("R6.1b, R6.2: moderators see the pending NFR requests; the partner sees its own with its keys", async () => {
    const queue = await get(mod, "/moderation/nfr-requests");
    expect(queue.items.map((r: { kind: string }) => r.kind).sort()).toEqual(["downgrade", "own_site"]);
    const nfr = await get(partner, `/partners/${alfaId}/nfr`);
    expect(nfr.requests).toEqual([expect.objectContaining({ kind: "downgrade", state: "pending" })]);
    expect(nfr.licenses.filter((l: { kind: string }) => l.kind === "status")).toHaveLength(4);
  });
});
