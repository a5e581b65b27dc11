import { evaluatePartner, forecastPartner } from "@partner-trust/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, moscowDay } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { loadPartnerFacts } from "../../program/status/facts.ts";
import { seedDemo } from "../../seed/index.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { partnerUser, signInDemo } from "../../test/http.ts";

const today = new Date("2026-11-24T09:00:00Z");

describe("GET /api/v1/partners/{partnerId}/standing (R2.6)", () => {
  let h: Harness;
  let alfa: string;
  let beta: string;
  const url = (id: string) => `/api/v1/partners/${id}/standing`;
  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock(today) });
    await seedDemo(h);
    const rows = await h.db.select().from(s.partners);
    alfa = rows.find((p) => p.name === "Веб-студия Альфа")!.id;
    beta = rows.find((p) => p.name === "Бета Студио")!.id;
  });
  afterAll(() => h.close());

  it("the main user gets the stored status with the engine's points, benefits and forecast", async () => {
    const cookie = await signInDemo(h, "partner");
    const res = await h.app.request(url(alfa), { headers: { cookie } });
    expect(res.status).toBe(200);
    const standing = await body(res);
    const facts = (await loadPartnerFacts(h.db, alfa))!;
    const on = moscowDay(today);
    const engine = evaluatePartner(facts, on);
    expect(standing).toMatchObject({
      partnerId: alfa,
      on,
      status: "gold",
      since: engine.state.since,
      until: engine.state.until,
      activePoints: engine.activePoints,
      discountPercent: 50,
      nfrKeys: 4,
      qmParticipant: true,
      competencies: engine.competencies,
      certificates: engine.certificates,
    });
    expect(standing.activePoints).toBeGreaterThanOrEqual(500);
    expect(standing.certifiedEmployees).toBe(4); // main (admin-basic + the developer exam) and three employees
    expect(standing.forecast).toEqual(forecastPartner(facts, on, undefined, engine.state));
  });

  it("R4E.4: an accepted limited employee has no partner cabinet (403)", async () => {
    const cookie = await signInDemo(h, "employee");
    expect((await h.app.request(url(alfa), { headers: { cookie } })).status).toBe(403);
  });

  it("another partner's user: 403; anonymous: 401", async () => {
    const { cookie } = await partnerUser(h, beta, "beta-main@example.ru", {
      password: "beta-password-1",
      at: today,
    });
    expect((await h.app.request(url(beta), { headers: { cookie } })).status).toBe(200);
    const other = await h.app.request(url(alfa), { headers: { cookie } });
    expect(other.status).toBe(403);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    expect((await h.app.request(url(alfa))).status).toBe(401);
  });

  it("staff: any partner; an invalid id is 422 naming partnerId; an unknown one is 404 problem+json", async () => {
    const cookie = await signInDemo(h, "moderator");
    const ok = await h.app.request(url(beta), { headers: { cookie } });
    expect((await body(ok)).status).toBe("certified");
    const bad = await h.app.request(url("not-a-uuid"), { headers: { cookie } });
    expect(bad.status).toBe(422);
    expect((await body(bad)).errors).toEqual([expect.objectContaining({ path: "partnerId" })]);
    const unknown = await h.app.request(url(crypto.randomUUID()), { headers: { cookie } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    expect((await body(unknown)).type).toBe("/problems/not-found");
  });
});
