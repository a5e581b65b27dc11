import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../seed/index.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { partnerIdByName, signInDemo } from "../../test/http.ts";
import { call } from "../employees/team.ts";

describe("invitations in the demo data (R4E.1, R4E.6)", () => {
  let h: Harness;
  let client: string;
  let partner: string;
  let alfaId: string;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h);
    client = await signInDemo(h, "client");
    partner = await signInDemo(h, "partner");
    alfaId = await partnerIdByName(h, "Веб-студия Альфа");
  });
  afterAll(() => h.close());

  it("R4E.1: the demo client sees a pending invitation and gets the partner role only on accepting", async () => {
    const mine = await body(await h.app.request("/api/v1/me/invitations", { headers: { cookie: client } }));
    expect(mine.items).toEqual([
      expect.objectContaining({
        partnerName: "Бета Студио",
        level: "limited",
        leads: true,
        marketplace: false,
      }),
    ]);
    const me = async () => body(await h.app.request("/api/v1/me", { headers: { cookie: client } }));
    expect((await me()).roles).toEqual(["client"]);
    const res = await h.app.request(`/api/v1/invitations/${mine.items[0].id}/accept`, call(client, "POST"));
    expect(res.status).toBe(200);
    expect((await me()).roles).toEqual(["client", "partner"]);
    const bad = await h.app.request("/api/v1/invitations/no-such-link/decline", call(client, "POST"));
    expect(bad.status).toBe(404);
  });

  it("R4E.1, R4E.6: Альфа lists its declined and pending invitations and its Marketplace modules", async () => {
    const list = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/employees`, { headers: { cookie: partner } }),
    );
    const states = list.items.map((e: { invitation: string }) => e.invitation);
    expect(states).toContain("declined");
    expect(states).toContain("pending");
    const modules = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/marketplace-modules`, { headers: { cookie: partner } }),
    );
    expect(
      modules.items.map((m: { code: string; latestVersion: string }) => [m.code, m.latestVersion]),
    ).toEqual([
      ["alfa.delivery", "1.1.0"],
      ["alfa.reviews", "1.0.0"],
    ]);
  });
});
