import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../db/schema/index.ts";
import { normaliseDomain, verifyDomain } from "../../program/domains/domains.ts";
import { seedDemo } from "../../seed/index.ts";
import { body, createHarness, type Harness, signIn } from "../../test/harness.ts";

describe("registered domains (W1, R1.6b)", () => {
  let h: Harness;
  let alfaId: string;
  let partner: string;
  let moderator: string;
  let fileBody = "";
  let site: Server;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h);
    const [alfa] = await h.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа"));
    alfaId = alfa!.id;
    partner = await signIn(h.app, "partner@partner-trust.local", "partner-demo");
    moderator = await signIn(h.app, "moderator@partner-trust.local", "moderator-demo");
    site = createServer((req, res) => {
      if (req.url === "/.well-known/partner-trust.txt" && fileBody) res.end(fileBody);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  });
  afterAll(async () => {
    site.close();
    await h.close();
  });

  const add = (host: string, cookie = partner) =>
    h.app.request(`/api/v1/partners/${alfaId}/domains`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ host }),
    });

  it("normalises hosts: lower-case, punycode, no www.", () => {
    expect(normaliseDomain("https://WWW.Example.RU/path")).toBe("example.ru");
    expect(normaliseDomain("www.пример.рф")).toBe("xn--e1afmkfd.xn--p1ai");
    expect(normaliseDomain("not a host")).toBeNull();
  });

  it("add returns a token and both methods; a trademark in the domain is flagged for moderators", async () => {
    const res = await add("WWW.Bitrix-Studio.ru");
    expect(res.status).toBe(201);
    const d = await body(res);
    expect(d.host).toBe("bitrix-studio.ru");
    expect(d.methods.dns.value).toBe(`partner-trust-verification=${d.token}`);
    expect(d.methods.file.url).toBe("https://bitrix-studio.ru/.well-known/partner-trust.txt");
    expect(d.trademark).toContain("bitrix");
    const flags = await body(
      await h.app.request("/api/v1/moderation/domain-flags", { headers: { cookie: moderator } }),
    );
    expect(flags.items.some((f: { evidence: string }) => f.evidence.includes("bitrix-studio.ru"))).toBe(true);
    expect((await add("bitrix-studio.ru")).status).toBe(409);
    expect((await add("no such host!")).status).toBe(422);
    const limited = await signIn(h.app, "employee@partner-trust.local", "employee-demo");
    expect((await add("other.ru", limited)).status).toBe(403);
  });

  it("verify by DNS TXT (injected resolver), by file (local fixture, test allowance), failure with reasons", async () => {
    const d = await body(await add("verify-me.ru"));
    const now = new Date();
    const noDns = async () => {
      throw new Error("ENOTFOUND");
    };
    const failed = await verifyDomain(h.db, alfaId, "verify-me.ru", { resolveTxt: noDns }, now);
    expect(failed.verification).toBe("failed");
    expect(failed.reasons.join(" ")).toContain("ENOTFOUND");

    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const viaFile = { resolveTxt: noDns, fileOrigin: () => origin };
    const refused = await verifyDomain(h.db, alfaId, "verify-me.ru", viaFile, now);
    expect(refused.verification).toBe("failed"); // private address without the allowance
    fileBody = `${d.token}\n`;
    const byFile = await verifyDomain(
      h.db,
      alfaId,
      "verify-me.ru",
      { ...viaFile, fetchOptions: { allowPrivate: true } },
      now,
    );
    expect(byFile).toMatchObject({ verification: "verified", method: "file" });

    const e = await body(await add("dns-me.ru"));
    const byDns = await verifyDomain(
      h.db,
      alfaId,
      "dns-me.ru",
      { resolveTxt: async () => [["other"], [`partner-trust-verification=${e.token}`]] },
      now,
    );
    expect(byDns).toMatchObject({ verification: "verified", method: "dns" });
  });

  it("delete removes the domain and logs it", async () => {
    await add("remove-me.ru");
    const res = await h.app.request(`/api/v1/partners/${alfaId}/domains/remove-me.ru`, {
      method: "DELETE",
      headers: { cookie: partner },
    });
    expect(res.status).toBe(204);
    const listed = await body(
      await h.app.request(`/api/v1/partners/${alfaId}/domains`, { headers: { cookie: partner } }),
    );
    expect(listed.items.map((i: { host: string }) => i.host)).not.toContain("remove-me.ru");
    const logs = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.action, "domain.remove"));
    expect(logs.some((l) => l.reason === "remove-me.ru")).toBe(true);
  });
});
