import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { safeFetch } from "@partner-trust/audit/node";
import { eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app.ts";
import * as s from "../../db/schema/index.ts";
import { normaliseDomain, type VerifyDeps, verifyDomain } from "../../program/domains/domains.ts";
import { body, createHarness, type Harness, ORIGIN } from "../../test/harness.ts";
import { jsonInit, seededDemo, signInDemo } from "../../test/http.ts";

describe("registered domains (W1, R1.6b)", () => {
  let h: Harness;
  let alfaId: string;
  let partner: string;
  let moderator: string;
  let fileBody = "";
  let site: Server;
  beforeAll(async () => {
    h = await createHarness();
    ({ alfaId, partner, moderator } = await seededDemo(h));
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
    h.app.request(`/api/v1/partners/${alfaId}/domains`, jsonInit("POST", cookie, { host }));

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
    const limited = await signInDemo(h, "employee");
    expect((await add("other.ru", limited)).status).toBe(403);
  });

  it("W1: the real fetcher is guarded — a private address is refused; with the test allowance the file verifies", async () => {
    const d = await body(await add("verify-me.ru"));
    const now = new Date();
    const noDns = async () => {
      throw new Error("ENOTFOUND");
    };
    const failed = await verifyDomain(
      h.db,
      alfaId,
      "verify-me.ru",
      { resolveTxt: noDns, fetchFile: async () => ({ status: 404, body: new Uint8Array() }) },
      now,
    );
    expect(failed.verification).toBe("failed");
    expect(failed.reasons.join(" ")).toContain("ENOTFOUND");

    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const local = (allowPrivate: boolean) => (url: string) =>
      safeFetch(url.replace("https://verify-me.ru", origin), { timeoutMs: 5_000, allowPrivate });
    fileBody = `${d.token}\n`;
    const refused = await verifyDomain(
      h.db,
      alfaId,
      "verify-me.ru",
      { resolveTxt: noDns, fetchFile: local(false) },
      now,
    );
    expect(refused.verification).toBe("failed"); // private address without the allowance
    const byFile = await verifyDomain(
      h.db,
      alfaId,
      "verify-me.ru",
      { resolveTxt: noDns, fetchFile: local(true) },
      now,
    );
    expect(byFile).toMatchObject({ verification: "verified", method: "file" });
  });

  it("W1: delete removes the domain from use and logs it; the row is kept", async () => {
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
    // Nothing is deleted: the row stays, removed and failed; verifying or removing it again is 404.
    const [kept] = await h.db
      .select()
      .from(s.registeredDomains)
      .where(eq(s.registeredDomains.host, "remove-me.ru"));
    expect(kept).toMatchObject({ verification: "failed", removedAt: expect.any(Date) });
    const again = await h.app.request(`/api/v1/partners/${alfaId}/domains/remove-me.ru`, {
      method: "DELETE",
      headers: { cookie: partner },
    });
    expect(again.status).toBe(404);
    // Added again: the same row, pending with a new token.
    const readded = await add("remove-me.ru");
    expect(readded.status).toBe(201);
    const token = (await body(readded)).token;
    expect(token).not.toBe(kept!.verificationToken);
    const rows = await h.db
      .select()
      .from(s.registeredDomains)
      .where(eq(s.registeredDomains.host, "remove-me.ru"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: kept!.id, verification: "pending", removedAt: null });
  });

  it("W1: a removed verified domain no longer binds the badge", async () => {
    const { token } = await body(await h.app.request(`/api/v1/public/partners/${alfaId}/status`));
    expect((decodeJwt(token).partner as { domains: string[] }).domains).toContain("alfa-web.ru");
    await h.app.request(`/api/v1/partners/${alfaId}/domains/alfa-web.ru`, {
      method: "DELETE",
      headers: { cookie: partner },
    });
    const after = await body(await h.app.request(`/api/v1/public/partners/${alfaId}/status`));
    expect((decodeJwt(after.token).partner as { domains: string[] }).domains).not.toContain("alfa-web.ru");
  });

  describe("POST /partners/{partnerId}/domains/{host}/verify with the network injected through AppDeps", () => {
    const txt = new Map<string, string[][]>();
    const files = new Map<string, string>();
    const asked: string[] = [];
    const domainVerification: VerifyDeps = {
      resolveTxt: async (host) => {
        asked.push(`dns:${host}`);
        const records = txt.get(host);
        if (!records) throw Object.assign(new Error(`queryTxt ENOTFOUND ${host}`), { code: "ENOTFOUND" });
        return records;
      },
      fetchFile: async (url) => {
        asked.push(url);
        const text = files.get(url);
        return text === undefined
          ? { status: 404, body: new Uint8Array() }
          : { status: 200, body: new TextEncoder().encode(text) };
      },
    };
    let app: ReturnType<typeof createApp>;
    beforeAll(() => {
      const deps = {
        db: h.db,
        auth: h.auth,
        mailer: h.mailer,
        clock: h.clock,
        badges: h.badges,
        publicUrl: ORIGIN,
        domainVerification,
      };
      app = createApp(deps);
    });
    const verify = (host: string, cookie = partner) =>
      app.request(`/api/v1/partners/${alfaId}/domains/${host}/verify`, {
        method: "POST",
        headers: { cookie },
      });
    const badgeDomains = async () => {
      const { token } = await body(await app.request(`/api/v1/public/partners/${alfaId}/status`));
      return (decodeJwt(token).partner as { domains: string[] }).domains;
    };

    it("W1: a TXT record with the token verifies the domain; the badge binds to it at once", async () => {
      const d = await body(await add("txt-route.ru"));
      txt.set("txt-route.ru", [["v=spf1 -all"], [`partner-trust-verification=${d.token}`]]);
      expect(await badgeDomains()).not.toContain("txt-route.ru");
      const res = await verify("txt-route.ru");
      expect(res.status).toBe(200);
      expect(await body(res)).toEqual({
        host: "txt-route.ru",
        verification: "verified",
        method: "dns",
        reasons: [],
      });
      expect(await badgeDomains()).toContain("txt-route.ru");
      expect(asked).not.toContain("https://txt-route.ru/.well-known/partner-trust.txt"); // DNS sufficed
    });

    it("W1: no TXT record, the file at /.well-known/partner-trust.txt carries the token: verified by file", async () => {
      const d = await body(await add("file-route.ru"));
      files.set("https://file-route.ru/.well-known/partner-trust.txt", `# partner trust\n${d.token}\n`);
      const res = await verify("file-route.ru", moderator); // staff may run the check too
      expect(await body(res)).toMatchObject({ verification: "verified", method: "file" });
      expect(asked).toContain("dns:file-route.ru");
    });

    it("W1: neither carries the token: failed, with the reason of each method; a wrong token does not verify", async () => {
      await add("wrong-route.ru");
      txt.set("wrong-route.ru", [["partner-trust-verification=someone-else"]]);
      files.set("https://wrong-route.ru/.well-known/partner-trust.txt", "another-token");
      const res = await body(await verify("wrong-route.ru"));
      expect(res.verification).toBe("failed");
      expect(res.method).toBeNull();
      expect(res.reasons).toHaveLength(2);
      expect(res.reasons[0]).toMatch(/^dns: no TXT record/);
      expect(res.reasons[1]).toMatch(/^file: .* answered 200 without the token/);
      const listed = await body(
        await app.request(`/api/v1/partners/${alfaId}/domains`, { headers: { cookie: partner } }),
      );
      expect(listed.items.find((i: { host: string }) => i.host === "wrong-route.ru").verification).toBe(
        "failed",
      );
      expect(await badgeDomains()).not.toContain("wrong-route.ru");
    });

    it("W1: an unknown domain is 404; a limited user is 403; bad params are 422", async () => {
      expect((await verify("never-added.ru")).status).toBe(404);
      const limited = await signInDemo(h, "employee");
      expect((await verify("txt-route.ru", limited)).status).toBe(403);
      const bad = await app.request(`/api/v1/partners/${alfaId}/domains/${"a".repeat(254)}/verify`, {
        method: "POST",
        headers: { cookie: moderator },
      });
      expect(bad.status).toBe(422);
      expect((await body(bad)).errors[0].path).toBe("host");
    });
  });
});
