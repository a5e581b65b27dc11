import { eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { seedDemo } from "../../seed/index.ts";
import { body, createHarness, type Harness, signIn } from "../../test/harness.ts";

describe("card versions (R1.4a–c)", () => {
  let h: Harness;
  let alfaId: string;
  let partner: string;
  let moderator: string;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h);
    const [alfa] = await h.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа"));
    alfaId = alfa!.id;
    partner = await signIn(h.app, "partner@partner-trust.local", "partner-demo");
    moderator = await signIn(h.app, "moderator@partner-trust.local", "moderator-demo");
  });
  afterAll(() => h.close());

  const json = (cookie: string, method: string, payload?: unknown) => ({
    method,
    headers: { cookie, "content-type": "application/json" },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const widgetName = async () => {
    const { token } = await body(await h.app.request(`/api/v1/public/partners/${alfaId}/status`));
    return (decodeJwt(token).partner as { name: string }).name;
  };
  const directoryNames = async () =>
    (await body(await h.app.request("/api/v1/public/partners?limit=100"))).items.map(
      (i: { name: string }) => i.name,
    );
  const publicName = async () =>
    (await body(await h.app.request(`/api/v1/public/partners/${alfaId}/card`))).name as string;

  it("edit → pending, the public card keeps the approved name; approve → new name, diff, versions kept", async () => {
    const current = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/card`, { headers: { cookie: partner } }),
    );
    expect(current.approved.name).toBe("Веб-студия Альфа");
    expect(current.pending).toBeNull();

    const edit = { ...current.approved, name: "Альфа Диджитал" };
    for (const k of [
      "id",
      "version",
      "state",
      "submittedAt",
      "reviewedAt",
      "reviewNote",
      "publishable",
      "missing",
    ])
      delete edit[k];
    const put = await h.app.request(`/api/v1/partners/${alfaId}/card`, json(partner, "PUT", edit));
    expect(put.status).toBe(202);
    const pending = await body(put);
    expect(pending.state).toBe("pending");
    expect(await publicName()).toBe("Веб-студия Альфа");
    expect(await widgetName()).toBe("Веб-студия Альфа");
    expect(await directoryNames()).toContain("Веб-студия Альфа");

    const queue = await body(
      await h.app.request("/api/v1/moderation/card-changes", { headers: { cookie: moderator } }),
    );
    const item = queue.items.find((i: { version: { id: string } }) => i.version.id === pending.id);
    expect(item.diff).toEqual([{ field: "name", old: "Веб-студия Альфа", new: "Альфа Диджитал" }]);

    const ok = await h.app.request(
      `/api/v1/moderation/card-changes/${pending.id}/approve`,
      json(moderator, "POST", { note: "ок" }),
    );
    expect(ok.status).toBe(200);
    expect(await publicName()).toBe("Альфа Диджитал");
    expect(await widgetName()).toBe("Альфа Диджитал");
    expect(await directoryNames()).toContain("Альфа Диджитал");
    const again = await h.app.request(
      `/api/v1/moderation/card-changes/${pending.id}/reject`,
      json(moderator, "POST", {}),
    );
    expect(again.status).toBe(409);

    const versions = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/card/versions`, { headers: { cookie: moderator } }),
    );
    const states = versions.items.map((v: { state: string }) => v.state);
    expect(states.at(-1)).toBe("approved");
    expect(states).toContain("superseded");
    const [log] = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, pending.id));
    expect(log?.action).toBe("card.approve");
  });

  it("reject keeps the approved version and stays readable; publication lists the missing fields", async () => {
    const put = await h.app.request(
      `/api/v1/partners/${alfaId}/card`,
      json(partner, "PUT", { name: "Без описания", city: "Москва", publishOnSite: true }),
    );
    const pending = await body(put);
    expect(pending.publishable).toBe(false);
    expect(pending.missing).toEqual(["description", "logoUrl", "phone", "address", "website"]);
    const before = await publicName();
    const res = await h.app.request(
      `/api/v1/moderation/card-changes/${pending.id}/reject`,
      json(moderator, "POST", { note: "нет описания" }),
    );
    expect((await body(res)).state).toBe("rejected");
    expect(await publicName()).toBe(before);
    const versions = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/card/versions`, { headers: { cookie: partner } }),
    );
    expect(versions.items.find((v: { id: string }) => v.id === pending.id).reviewNote).toBe("нет описания");
  });

  it("limited users and partners' staff-only routes: 403; bad body: 422 naming the field", async () => {
    const limited = await signIn(h.app, "employee@partner-trust.local", "employee-demo");
    const res = await h.app.request(
      `/api/v1/partners/${alfaId}/card`,
      json(limited, "PUT", { name: "x", city: "y" }),
    );
    expect(res.status).toBe(403);
    const queue = await h.app.request("/api/v1/moderation/card-changes", { headers: { cookie: partner } });
    expect(queue.status).toBe(403);
    const bad = await h.app.request(
      `/api/v1/partners/${alfaId}/card`,
      json(partner, "PUT", { name: "x", city: "y", website: "not a url" }),
    );
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await body(bad))).toContain("website");
  });
});
