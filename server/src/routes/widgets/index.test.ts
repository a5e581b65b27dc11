import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays } from "@partner-trust/rules";
import { eq } from "drizzle-orm";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moscowDay, moscowMidnight, systemClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { applyStatus, recordAccrual } from "../../program/status/apply.ts";
import { createPartner, withCatalogue } from "../../program/status/test-support.ts";
import { body, createHarness, type Harness, ORIGIN, signIn, signUp } from "../../test/harness.ts";

const today = moscowDay(new Date());
const bundleDir = mkdtempSync(join(tmpdir(), "pt-bundle-"));
const bundleFile = join(bundleDir, "partner-trust.js");
const bundleBytes = "export const ok = «да»;\n";
writeFileSync(bundleFile, bundleBytes);

// biome-ignore lint/suspicious/noExplicitAny: assertions check the shape
type StatusPayload = { sub: string; iat: number; exp: number; partner: any };

const accrual = (partnerId: string, points: number) => ({
  partnerId,
  day: today,
  points,
  sourceType: "additional" as const,
  sourceId: crypto.randomUUID(),
});

describe("widgets: signed status, keys, placements, beacon, bundle, pages (W1–W4, R2.8)", () => {
  let h: Harness;
  let partnerId: string;
  const statusOf = (id: string, headers: Record<string, string> = {}) =>
    h.app.request(`/api/v1/public/partners/${id}/status`, { headers });
  async function verified(id: string, headers: Record<string, string> = {}) {
    const res = await statusOf(id, headers);
    expect(res.status).toBe(200);
    const { token } = await body(res);
    const jwks = await body(await h.app.request("/.well-known/jwks.json"));
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: ORIGIN,
      typ: "partner-status+jwt",
      algorithms: ["ES256"],
    });
    return {
      token,
      payload: payload as StatusPayload,
      protectedHeader,
    };
  }

  beforeAll(async () => {
    h = await createHarness({ bundleFile });
    await withCatalogue(h.db);
    const p = await createPartner(h.db, {
      approvedOn: addDays(today, -60),
      employees: [["admin-basic"], ["developer"]],
      name: "ООО Тест",
    });
    partnerId = p.id;
    await h.db.insert(s.cardVersions).values([
      {
        partnerId,
        version: 1,
        state: "approved",
        name: "Студия Тест",
        city: "Москва",
        submittedAt: new Date(),
      },
      // A pending version never shows (R1.4c).
      {
        partnerId,
        version: 2,
        state: "pending",
        name: "Не одобрено",
        city: "Москва",
        submittedAt: new Date(),
      },
    ]);
    await h.db.insert(s.registeredDomains).values([
      { partnerId, host: "test-studio.ru", verification: "verified", verifiedAt: new Date() },
      { partnerId, host: "pending-studio.ru", verification: "pending" },
    ]);
  });
  afterAll(async () => {
    await h.close();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it("W1: the token verifies against the JWKS and carries the stored status, approved name, verified domains", async () => {
    const { payload, protectedHeader } = await verified(partnerId);
    expect(protectedHeader).toMatchObject({ alg: "ES256", typ: "partner-status+jwt" });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload.sub).toBe(partnerId);
    expect(payload.exp - payload.iat).toBe(600);
    expect(payload.partner).toEqual({
      id: partnerId,
      name: "Студия Тест",
      status: "business",
      since: addDays(today, -60),
      until: null,
      competencies: [],
      qmParticipant: false,
      domains: ["test-studio.ru"],
      verifyUrl: `${ORIGIN}/partners/${partnerId}`,
    });
  });

  it("404 problem+json for an unknown partner", async () => {
    const res = await statusOf(crypto.randomUUID());
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("R2.5: crossing 100 points shows in the very next token (cache dropped), then termination (R1.5c)", async () => {
    const before = await verified(partnerId);
    expect(before.payload.partner.status).toBe("business");
    // Served from the cache: the same token.
    expect((await verified(partnerId)).token).toBe(before.token);
    await recordAccrual(h.db, accrual(partnerId, 120), { clock: systemClock });
    const after = await verified(partnerId);
    expect(after.payload.partner).toMatchObject({ status: "certified", since: today });
    expect(after.payload.partner.until).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));

    await h.db
      .update(s.partners)
      .set({ terminatedAt: moscowMidnight(today) })
      .where(eq(s.partners.id, partnerId));
    await applyStatus(h.db, partnerId, today, { clock: systemClock });
    const ended = await verified(partnerId);
    expect(ended.payload.partner).toMatchObject({ status: "none", competencies: [], qmParticipant: false });
  });

  it("ETag + Cache-Control, 304 on If-None-Match, CORS open", async () => {
    const other = await createPartner(h.db, { approvedOn: addDays(today, -10), name: "ООО Другой" });
    const res = await statusOf(other.id, { Origin: "https://somewhere.example" });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60, must-revalidate");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await statusOf(other.id, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect((await statusOf(other.id, { "If-None-Match": '"other"' })).status).toBe(200);
    const jwks = await h.app.request("/.well-known/jwks.json");
    expect(jwks.headers.get("access-control-allow-origin")).toBe("*");
    expect(jwks.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const keys = (await body(jwks)).keys;
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(keys[0]).not.toHaveProperty("d");
  });

  it("key rotation: the old token still verifies with the published JWKS; new tokens carry the new kid", async () => {
    const p = await createPartner(h.db, { approvedOn: addDays(today, -10), name: "ООО Ротация" });
    const old = await verified(p.id);
    const rotated = await h.badges.rotate();
    expect(rotated.retired).toContain(old.protectedHeader.kid);
    const jwks = await body(await h.app.request("/.well-known/jwks.json"));
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual(
      expect.arrayContaining([old.protectedHeader.kid, rotated.kid]),
    );
    await jwtVerify(old.token, createLocalJWKSet(jwks));
    const fresh = await verified(p.id);
    expect(fresh.protectedHeader.kid).toBe(rotated.kid);
    // The private keys are stored encrypted, never as a JWK in clear.
    const rows = await h.db.select().from(s.signingKeys);
    for (const r of rows) expect(r.privateJwkEncrypted).not.toContain('"d"');
  });

  it("VC-JWT: verifies with the same JWKS and has the Open Badges 3.0 shape", async () => {
    const p = await createPartner(h.db, { approvedOn: addDays(today, -10), name: "ООО ВК" });
    const res = await h.app.request(`/api/v1/public/partners/${p.id}/credential`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vc+jwt");
    const jwt = await res.text();
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: "ES256", typ: "vc+jwt" });
    const jwks = await body(await h.app.request("/.well-known/jwks.json"));
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks), { issuer: ORIGIN });
    // biome-ignore lint/suspicious/noExplicitAny: assertions check the shape
    const vc = payload.vc as any;
    expect(vc.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(vc["@context"]).toContain("https://www.w3.org/ns/credentials/v2");
    expect(vc.issuer).toMatchObject({ id: ORIGIN, type: ["Profile"] });
    expect(vc.credentialSubject).toMatchObject({
      type: ["AchievementSubject"],
      achievement: { type: ["Achievement"], id: `${ORIGIN}/achievements/partner-status/business` },
    });
    expect(Date.parse(vc.validFrom)).toBeLessThan(Date.parse(vc.validUntil));
    expect(payload.sub).toBe(`${ORIGIN}/partners/${p.id}`);
  });

  it("R2.8: placements recorded per host (registered vs unverified), listed for moderators and the partner", async () => {
    const p = await createPartner(h.db, { approvedOn: addDays(today, -10), name: "ООО Размещение" });
    await h.db
      .insert(s.registeredDomains)
      .values({ partnerId: p.id, host: "own-site.ru", verification: "verified" });
    for (let i = 0; i < 3; i++) await statusOf(p.id, { Origin: "https://www.own-site.ru" });
    await statusOf(p.id, { Referer: "https://copycat.example/page?x=1" });
    await statusOf(p.id); // no Origin/Referer: nothing to record

    await signUp(h.app, "moder@example.ru", "password-12345");
    await h.db.update(s.user).set({ role: "moderator" }).where(eq(s.user.email, "moder@example.ru"));
    const moderator = await signIn(h.app, "moder@example.ru", "password-12345");
    const res = await h.app.request("/api/v1/moderation/badge-placements?state=unverified", {
      headers: { cookie: moderator },
    });
    expect(res.status).toBe(200);
    const found = (await body(res)).placements.filter((x: { partnerId: string }) => x.partnerId === p.id);
    expect(found).toEqual([
      expect.objectContaining({
        host: "copycat.example",
        state: "unverified",
        widget: "badge",
        day: today,
        requests: 1,
      }),
    ]);
    const own = await body(
      await h.app.request(`/api/v1/partners/${p.id}/badge-placements`, { headers: { cookie: moderator } }),
    );
    expect(
      own.placements
        .map((x: { host: string; state: string; requests: number }) => [x.host, x.state, x.requests])
        .sort(),
    ).toEqual([
      ["copycat.example", "unverified", 1],
      ["own-site.ru", "registered", 3],
    ]);
    // The main user of another company: 403; the partner's own main user: 200.
    const ownUser = await signUp(h.app, "own-main@example.ru", "password-12345");
    const otherUser = await signUp(h.app, "other-main@example.ru", "password-12345");
    const link = (userId: string, pid: string) => ({
      partnerId: pid,
      userId,
      level: "main" as const,
      invitation: "accepted" as const,
      invitedAt: new Date(),
      respondedAt: new Date(),
    });
    await h.db
      .insert(s.employeeLinks)
      .values([link((await body(ownUser)).user.id, p.id), link((await body(otherUser)).user.id, partnerId)]);
    const asOwn = await signIn(h.app, "own-main@example.ru", "password-12345");
    const asOther = await signIn(h.app, "other-main@example.ru", "password-12345");
    expect(
      (await h.app.request(`/api/v1/partners/${p.id}/badge-placements`, { headers: { cookie: asOwn } }))
        .status,
    ).toBe(200);
    expect(
      (await h.app.request(`/api/v1/partners/${p.id}/badge-placements`, { headers: { cookie: asOther } }))
        .status,
    ).toBe(403);
    expect(
      (await h.app.request("/api/v1/moderation/badge-placements", { headers: { cookie: asOwn } })).status,
    ).toBe(403);
    // A plain user: 403.
    await signUp(h.app, "stranger@example.ru", "password-12345");
    const stranger = await signIn(h.app, "stranger@example.ru", "password-12345");
    expect(
      (await h.app.request(`/api/v1/partners/${p.id}/badge-placements`, { headers: { cookie: stranger } }))
        .status,
    ).toBe(403);
    expect(
      (await h.app.request("/api/v1/moderation/badge-placements", { headers: { cookie: stranger } })).status,
    ).toBe(403);
    expect((await h.app.request("/api/v1/moderation/badge-placements")).status).toBe(401);
  });

  it("W4 beacon: preflight, validation names the field, only registered pages stored once per day, listed", async () => {
    const p = await createPartner(h.db, { approvedOn: addDays(today, -10), name: "ООО Подвал" });
    await h.db
      .insert(s.registeredDomains)
      .values({ partnerId: p.id, host: "footer.ru", verification: "verified" });
    const url = `/api/v1/public/partners/${p.id}/footer-checks`;
    const pre = await h.app.request(url, {
      method: "OPTIONS",
      headers: {
        Origin: "https://footer.ru",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
    const post = (payload: unknown) =>
      h.app.request(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: "https://footer.ru" },
        body: JSON.stringify(payload),
      });
    const bad = await post({ url: "https://footer.ru/", compliant: "yes", problems: [] });
    expect(bad.status).toBe(422);
    expect((await body(bad)).errors.map((e: { path: string }) => e.path)).toEqual(["compliant"]);
    const huge = await post({ url: "https://footer.ru/", compliant: true, problems: ["x".repeat(9000)] });
    expect(huge.status).toBe(422);

    expect(
      await body(
        await post({ url: "https://footer.ru/about?q=1#x", compliant: false, problems: ["opacity-0"] }),
      ),
    ).toEqual({ stored: true });
    expect(await body(await post({ url: "https://footer.ru/about", compliant: true, problems: [] }))).toEqual(
      { stored: false },
    );
    expect(await body(await post({ url: "https://www.footer.ru/", compliant: true, problems: [] }))).toEqual({
      stored: true,
    });
    const foreign = await post({ url: "https://elsewhere.example/", compliant: true, problems: [] });
    expect(foreign.status).toBe(202);
    expect(await body(foreign)).toEqual({ stored: false });

    await signUp(h.app, "moder2@example.ru", "password-12345");
    await h.db.update(s.user).set({ role: "moderator" }).where(eq(s.user.email, "moder2@example.ru"));
    const cookie = await signIn(h.app, "moder2@example.ru", "password-12345");
    const list = await body(
      await h.app.request(`/api/v1/partners/${p.id}/footer-checks`, { headers: { cookie } }),
    );
    expect(
      list.pages
        .map((x: { page: string; compliant: boolean; problems: string[] }) => [
          x.page,
          x.compliant,
          x.problems,
        ])
        .sort(),
    ).toEqual([
      ["https://footer.ru/about", false, ["opacity-0"]],
      ["https://www.footer.ru/", true, []],
    ]);
    expect(list.everyPageCompliant).toBe(false);
  });

  it("distribution: the bundle with immutable caching and CORS, the SRI hash of its bytes, the embed snippet", async () => {
    const res = await h.app.request("/widgets/v1/partner-trust.js", {
      headers: { Origin: "https://partner.ru" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.toString("utf8")).toBe(bundleBytes);
    const manifest = await body(await h.app.request("/widgets/v1/manifest.json"));
    expect(manifest).toEqual({
      url: `${ORIGIN}/widgets/v1/partner-trust.js`,
      integrity: `sha384-${createHash("sha384").update(bytes).digest("base64")}`,
    });
    await signUp(h.app, "admin-w@example.ru", "password-12345");
    await h.db.update(s.user).set({ role: "admin" }).where(eq(s.user.email, "admin-w@example.ru"));
    const cookie = await signIn(h.app, "admin-w@example.ru", "password-12345");
    const embed = await body(
      await h.app.request(`/api/v1/partners/${partnerId}/embed`, { headers: { cookie } }),
    );
    expect(embed.script).toBe(
      `<script type="module" src="${ORIGIN}/widgets/v1/partner-trust.js" integrity="${manifest.integrity}" crossorigin="anonymous"></script>`,
    );
    expect(embed.tags).toEqual([
      `<pt-partner-badge partner="${partnerId}"></pt-partner-badge>`,
      `<pt-competency-emblems partner="${partnerId}"></pt-competency-emblems>`,
      `<pt-quality-seal partner="${partnerId}"></pt-quality-seal>`,
      `<pt-powered-by mode="check" partner="${partnerId}"></pt-powered-by>`,
    ]);
    expect((await h.app.request(`/api/v1/partners/${partnerId}/embed`)).status).toBe(401);
  });

  it("the verification page: a registered host, a foreign host, a terminated partner, an unknown one", async () => {
    const p = await createPartner(h.db, { approvedOn: addDays(today, -10), name: "ООО Проверка" });
    await h.db
      .insert(s.registeredDomains)
      .values({ partnerId: p.id, host: "checked.ru", verification: "verified" });
    const pageOf = async (id: string, host?: string) => {
      const res = await h.app.request(`/partners/${id}${host ? `?host=${encodeURIComponent(host)}` : ""}`);
      return { status: res.status, text: await res.text(), type: res.headers.get("content-type") };
    };
    const genuine = await pageOf(p.id, "www.checked.ru");
    expect(genuine.type).toContain("text/html");
    expect(genuine.text).toContain('<html lang="ru">');
    expect(genuine.text).toContain("Значок на checked.ru подлинный");
    expect(genuine.text).toContain("This badge on checked.ru is genuine");
    expect(genuine.text.indexOf("подлинный")).toBeLessThan(genuine.text.indexOf("genuine"));
    expect(genuine.text).toContain("Бизнес-партнёр 1С-Битрикс");
    expect(genuine.text).not.toContain("<script");
    const foreign = await pageOf(p.id, "evil<b>.example");
    expect(foreign.text).toContain("не зарегистрирован за этим партнёром");
    expect(foreign.text).toContain("not registered to this partner");
    expect(foreign.text).not.toContain("<b>");
    // The partner terminated earlier in this file.
    const ended = await pageOf(partnerId, "test-studio.ru");
    expect(ended.text).toContain("Не является партнёром 1С-Битрикс");
    expect(ended.text).toContain("Not a 1C-Bitrix partner");
    expect(ended.text).not.toContain("подлинный");
    expect((await pageOf(crypto.randomUUID())).status).toBe(404);
  });

  it("the demo page loads the real bundle with its SRI hash", async () => {
    const res = await h.app.request("/widgets/demo");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/<script type="module" src="\/widgets\/v1\/partner-trust.js" integrity="sha384-/);
    expect(text).toContain("<pt-powered-by></pt-powered-by>");
  });
});
