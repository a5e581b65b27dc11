import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import { body, createHarness, type Harness, signIn } from "../test/harness.ts";
import { demoAccounts } from "./accounts.ts";
import { seedDemo } from "./index.ts";

const account = (key: string) => demoAccounts.find((a) => a.key === key)!;

describe("demo seed: leads, promotions, phone day (R7)", () => {
  let h: Harness;
  let alfaId: string;
  const cookie: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock("2026-11-24T09:00:00Z") });
    await seedDemo(h);
    for (const key of ["partner", "employee", "moderator", "client"])
      cookie[key] = await signIn(h.app, account(key).email, account(key).password);
    const [alfa] = await h.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа"));
    alfaId = alfa!.id;
  });
  afterAll(() => h.close());
  const get = async (who: string | null, path: string) => {
    const res = await h.app.request(`/api/v1${path}`, { headers: who ? { cookie: cookie[who]! } : {} });
    expect(res.status, path).toBe(200);
    return body(res);
  };

  it("R7.1: the client sees Альфа's proposal; Альфа's leads employee sees the lead with the contacts", async () => {
    const mine = await get("client", "/me/leads");
    const answered = mine.items.filter((l: { proposals: unknown[] }) => l.proposals.length > 0);
    expect(answered).toHaveLength(1);
    expect(answered[0].proposals).toMatchObject([{ partnerId: alfaId, partnerName: "Веб-студия Альфа" }]);
    const seen = await get("employee", `/partners/${alfaId}/leads`);
    const withProposal = seen.items.find((l: { id: string }) => l.id === answered[0].id);
    expect(withProposal).toMatchObject({
      access: "pushed",
      contacts: { email: "client@partner-trust.local" },
    });
    // Gold: every published lead (R7.1b).
    expect(seen.items.length).toBe(
      mine.items.filter((l: { state: string }) => l.state === "published").length,
    );
  });

  it("R7.1a: a lead awaits moderation", async () => {
    const queue = await get("moderator", "/moderation/leads");
    expect(queue.items).toMatchObject([{ city: "Санкт-Петербург", state: "pending" }]);
  });

  it("R7.2, R7.3: Альфа's promotion is public; its phone day is booked with the report due date", async () => {
    const promos = await get(null, "/public/promotions");
    expect(promos.items).toMatchObject([{ partnerId: alfaId, title: "Аудит сайта на 1С-Битрикс бесплатно" }]);
    const days = await get("partner", `/partners/${alfaId}/phone-days`);
    expect(days.items).toMatchObject([
      { day: "2026-11-25", state: "confirmed", reportDueOn: "2026-12-02", overdue: false },
    ]);
  });
});
