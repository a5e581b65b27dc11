// R7.1d under real concurrency: the real HTTP server (@hono/node-server on a random port), real fetch,
// the real database of the project (file or sqld).
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, leads, proposals } from "../../db/schema/index.ts";
import { account, call, link, makePartner } from "../../program/leads/test-support.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";

describe("R7.1d the proposal cap under concurrency", () => {
  let h: Harness;
  let server: ReturnType<typeof serve>;
  let base: string;
  let leadId: string;
  let employee: string;
  const partnerIds: string[] = [];

  beforeAll(async () => {
    h = await createHarness();
    server = serve({ fetch: h.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const req = call(h);
    const mod = (await account(h, "mod@vendor.example", "moderator")).cookie;
    const client = (await account(h, "client@client.example")).cookie;
    const sales = await account(h, "sales@partners.example");
    employee = sales.cookie;
    // 50 Gold partners (every lead visible), one employee with the leads flag at each.
    for (let i = 0; i < 50; i++) {
      const id = await makePartner(h.db, {
        name: `Партнёр ${i}`,
        status: "gold",
        city: "Москва",
        email: null,
      });
      await link(h.db, sales.userId, id, "limited", true);
      partnerIds.push(id);
    }
    const posted = await body(
      await req("POST", "/leads", client, {
        description: "Корпоративный портал на Битрикс24, 300 сотрудников",
        contactName: "Олег",
        contactEmail: "oleg@client.example",
        city: "Москва",
        maxProposals: 3,
      }),
    );
    leadId = posted.id;
    expect((await req("POST", `/moderation/leads/${leadId}/decide`, mod, { publish: true })).status).toBe(
      200,
    );
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  it("R7.1d: 50 proposals at once to a lead capped at 3 — exactly 3 accepted, 47 get a clear 409", async () => {
    const responses = await Promise.all(
      partnerIds.map((partnerId) =>
        fetch(`${base}/api/v1/partners/${partnerId}/leads/${leadId}/proposals`, {
          method: "POST",
          headers: { "Content-Type": "application/json", cookie: employee },
          body: JSON.stringify({ text: "Внедрим Битрикс24 коробочную версию за 6 недель" }),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(47);
    for (const [i, r] of responses.entries()) {
      if (r.status !== 409) continue;
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      expect(bodies[i]).toMatchObject({ type: "/problems/conflict", status: 409 });
      expect(bodies[i].detail).toContain("maximum of 3 proposals");
    }
    const [row] = await h.db.select().from(leads).where(eq(leads.id, leadId));
    expect(row?.proposalCount).toBe(3);
    expect(await h.db.select().from(proposals).where(eq(proposals.leadId, leadId))).toHaveLength(3);
    // R7.1c: the client got one e-mail per accepted proposal, none for refused ones.
    expect(
      await h.db.select().from(emailOutbox).where(like(emailOutbox.subject, "Предложение от партнёра%")),
    ).toHaveLength(3);
  });
});
