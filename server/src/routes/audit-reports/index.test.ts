import { licenseHash } from "@partner-trust/audit/license";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { demoAccounts } from "../../seed/accounts.ts";
import { seedDemo } from "../../seed/index.ts";
import { body, createHarness, type Harness, signIn } from "../../test/harness.ts";

const account = (key: string) => demoAccounts.find((a) => a.key === key)!;
const EXTENSION_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";

const finding = (rule: string, verdict: string, extra: Record<string, unknown> = {}) => ({
  rule,
  verdict,
  message: { ru: `${rule} сообщение`, en: `${rule} message` },
  evidence: [{ url: "http://alfa-client-1.ru/", selector: "body > footer", excerpt: "Работает на…" }],
  ...extra,
});
const report = (extra: Record<string, unknown> = {}) => ({
  url: "http://alfa-client-1.ru/",
  findings: [
    finding("A1", "fail"),
    finding("A2", "pass"),
    finding("A3", "review", { details: { hash: "x" } }),
  ],
  pages: [{ url: "http://alfa-client-1.ru/", status: 200, findings: [finding("A1", "fail")] }],
  verdict: "confirm",
  note: "Футер скрыт",
  ...extra,
});
const PNG = `data:image/png;base64,${Buffer.from("fake png bytes").toString("base64")}`;

describe("audit routes (lookup, reports)", () => {
  let h: Harness;
  let moderator: string;
  let partner: string;
  let bearer: string;
  let projectId: string;
  let alfaId: string;
  const get = (path: string, headers: Record<string, string> = {}) => h.app.request(path, { headers });
  const post = (b: unknown, headers: Record<string, string>) =>
    h.app.request("/api/v1/audit-reports", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof b === "string" ? b : JSON.stringify(b),
    });

  beforeAll(async () => {
    h = await createHarness({ clock: fixedClock(new Date("2026-11-24T09:00:00Z")) });
    await seedDemo(h);
    moderator = await signIn(h.app, account("moderator").email, account("moderator").password);
    partner = await signIn(h.app, account("partner").email, account("partner").password);
    // The extension: sign-in from its own origin, then the bearer token (better-auth bearer plugin).
    const res = await h.app.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: EXTENSION_ORIGIN },
      body: JSON.stringify({ email: account("moderator").email, password: account("moderator").password }),
    });
    expect(res.status).toBe(200);
    bearer = res.headers.get("set-auth-token") ?? "";
    const [p] = await h.db.select().from(s.projects).where(eq(s.projects.host, "alfa-client-1.ru"));
    projectId = p!.id;
    alfaId = p!.partnerId;
  });
  afterAll(() => h.close());

  describe("who may call", () => {
    it("anonymous: 401 on every audit route", async () => {
      expect((await get("/api/v1/audit/lookup?host=alfa-client-1.ru")).status).toBe(401);
      expect((await get("/api/v1/audit-reports?host=alfa-client-1.ru")).status).toBe(401);
      expect((await post(report(), {})).status).toBe(401);
    });
    it("a partner's user: 403 problem+json", async () => {
      const res = await get("/api/v1/audit/lookup?host=alfa-client-1.ru", { cookie: partner });
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await post(report(), { cookie: partner })).status).toBe(403);
      expect((await get("/api/v1/audit-reports?host=alfa-client-1.ru", { cookie: partner })).status).toBe(
        403,
      );
    });
    it("a moderator by cookie, and by Bearer token from an extension origin: 200", async () => {
      expect((await get("/api/v1/audit/lookup?host=alfa-client-1.ru", { cookie: moderator })).status).toBe(
        200,
      );
      expect(bearer.length).toBeGreaterThan(10);
      const res = await get("/api/v1/audit/lookup?host=alfa-client-1.ru", {
        authorization: `Bearer ${bearer}`,
      });
      expect(res.status).toBe(200);
      expect((await get("/api/v1/me", { authorization: "Bearer forged.token" })).status).toBe(401);
    });
  });

  describe("GET /api/v1/audit/lookup", () => {
    it("a project host: the project, its partner's approved card, key HASHES (project key expected)", async () => {
      const res = await get("/api/v1/audit/lookup?host=WWW.Alfa-Client-1.ru", { cookie: moderator });
      const b = await body(res);
      expect(b.host).toBe("alfa-client-1.ru");
      expect(b.targets).toHaveLength(1);
      const t = b.targets[0];
      expect(t).toMatchObject({
        partner: { id: alfaId },
        project: { id: projectId, host: "alfa-client-1.ru" },
        matchedBy: ["project"],
        card: { name: expect.any(String), domains: expect.arrayContaining(["alfa-web.ru"]) },
      });
      expect(Object.keys(t.card).sort()).toEqual(["addresses", "domains", "emails", "name", "phones"]);
      expect(t.knownKeys[0]).toEqual({
        label: "ключ проекта / project key",
        hash: licenseHash("NFR-ALFA-0001"),
        expected: true,
      });
      expect(t.knownKeys.slice(1).every((k: { expected: boolean }) => !k.expected)).toBe(true);
    });
    it("never returns a raw license key", async () => {
      const keys = [
        ...(await h.db.select({ k: s.projects.licenseKey }).from(s.projects)).map((r) => r.k),
        ...(await h.db.select({ k: s.nfrLicenses.licenseKey }).from(s.nfrLicenses)).map((r) => r.k),
      ].filter((k): k is string => !!k);
      expect(keys.length).toBeGreaterThan(3);
      for (const host of ["alfa-client-1.ru", "alfa-web.ru"]) {
        const text = await (
          await get(`/api/v1/audit/lookup?host=${host}&partnerId=${alfaId}`, { cookie: moderator })
        ).text();
        for (const k of keys) expect(text).not.toContain(k);
        expect(text).toMatch(/[0-9a-f]{32}/);
      }
    });
    it("the partner's own site: matched by registered domain and the card's website", async () => {
      const b = await body(await get("/api/v1/audit/lookup?host=alfa-web.ru", { cookie: moderator }));
      expect(b.targets).toEqual([
        expect.objectContaining({
          partner: expect.objectContaining({ id: alfaId }),
          project: null,
          matchedBy: ["domain", "website"],
        }),
      ]);
    });
    it("a removed registered domain no longer matches", async () => {
      await h.db
        .update(s.registeredDomains)
        .set({ removedAt: new Date() })
        .where(eq(s.registeredDomains.host, "alfa-web.ru"));
      const b = await body(await get("/api/v1/audit/lookup?host=alfa-web.ru", { cookie: moderator }));
      expect(b.targets.map((t: { matchedBy: string[] }) => t.matchedBy)).toEqual([["website"]]);
      await h.db
        .update(s.registeredDomains)
        .set({ removedAt: null })
        .where(eq(s.registeredDomains.host, "alfa-web.ru"));
    });
    it("no match: empty; a picked partner or project is returned as picked", async () => {
      expect(
        (await body(await get("/api/v1/audit/lookup?host=nobody.example", { cookie: moderator }))).targets,
      ).toEqual([]);
      const b = await body(
        await get(`/api/v1/audit/lookup?host=nobody.example&projectId=${projectId}`, { cookie: moderator }),
      );
      expect(b.targets).toEqual([
        expect.objectContaining({
          matchedBy: ["picked"],
          project: expect.objectContaining({ id: projectId }),
        }),
      ]);
    });
    it("422 naming the field", async () => {
      const b = await body(await get("/api/v1/audit/lookup", { cookie: moderator }));
      expect(b).toMatchObject({ status: 422, errors: [{ path: "host" }] });
    });
  });

  describe("POST and GET /api/v1/audit-reports", () => {
    it("422 naming the field: verdict, url, finding verdict, screenshot, unknown project", async () => {
      const cases: [unknown, string][] = [
        [report({ verdict: "maybe" }), "verdict"],
        [report({ url: "javascript:alert(1)" }), "url"],
        [report({ findings: [finding("A9", "fail")] }), "findings.0.rule"],
        [
          report({
            screenshots: [{ rule: "A1", url: "http://alfa-client-1.ru/", dataUrl: "data:text/html,<b>" }],
          }),
          "screenshots.0.dataUrl",
        ],
        [report({ projectId: "no-such-project" }), "projectId"],
        [report({ note: "x".repeat(4001) }), "note"],
      ];
      for (const [b, path] of cases) {
        const res = await post(b, { cookie: moderator });
        expect(res.status, path).toBe(422);
        expect((await body(res)).errors.map((e: { path: string }) => e.path)).toContain(path);
      }
    });
    it("a body over the size bound is refused (413)", async () => {
      const res = await post(report({ note: "x".repeat(5 * 1024 * 1024) }), { cookie: moderator });
      expect(res.status).toBe(413);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    });
    it("stores the report with the auditor, attached to the project and its partner; lists it newest first", async () => {
      const first = await post(report({ projectId, verdict: "follow_up", note: "первый" }), {
        authorization: `Bearer ${bearer}`,
      });
      expect(first.status).toBe(201);
      const second = await post(
        report({
          projectId,
          screenshots: [
            { rule: "A1", selector: "body > footer", url: "http://alfa-client-1.ru/", dataUrl: PNG },
          ],
        }),
        { cookie: moderator },
      );
      const { id } = await body(second);
      const [row] = await h.db.select().from(s.auditReports).where(eq(s.auditReports.id, id));
      expect(row).toMatchObject({
        partnerId: alfaId,
        projectId,
        host: "alfa-client-1.ru",
        verdict: "confirm",
        source: "extension",
      });
      const [shot] = await h.db.select().from(s.auditScreenshots).where(eq(s.auditScreenshots.reportId, id));
      expect(shot).toMatchObject({
        mime: "image/png",
        data: Buffer.from("fake png bytes").toString("base64"),
      });

      const list = await body(
        await get("/api/v1/audit-reports?host=www.alfa-client-1.ru", { cookie: moderator }),
      );
      expect(list.items.map((r: { note: string }) => r.note)).toEqual(["Футер скрыт", "первый"]);
      expect(list.items[0]).toMatchObject({
        id,
        verdict: "confirm",
        source: "extension",
        projectId,
        partnerId: alfaId,
        auditor: { email: account("moderator").email },
        summary: { pass: 1, fail: 1, review: 1 },
        screenshots: 1,
      });
      // Site-wide findings only (per-page findings are stored too, with their page).
      expect(list.items[0].findings.map((f: { rule: string }) => f.rule)).toEqual(["A1", "A2", "A3"]);
      expect(
        (await body(await get("/api/v1/audit-reports?host=alfa-web.ru", { cookie: moderator }))).items,
      ).toEqual([]);
    });
    it("a project of another partner than the one named: 422 on projectId", async () => {
      const [other] = await h.db.select().from(s.partners).where(eq(s.partners.name, "Веб-студия Альфа"));
      const [foreign] = (await h.db.select().from(s.projects)).filter((p) => p.partnerId !== other?.id);
      const res = await post(report({ partnerId: alfaId, projectId: foreign!.id }), { cookie: moderator });
      expect(res.status).toBe(422);
      expect((await body(res)).errors[0].path).toBe("projectId");
    });
  });
});
