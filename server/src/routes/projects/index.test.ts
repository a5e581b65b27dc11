import { defaultCatalogue, jointShare, pointsForEdition } from "@partner-trust/rules";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../clock.ts";
import * as s from "../../db/schema/index.ts";
import { addProject } from "../../program/projects/add.ts";
import { decideProject } from "../../program/projects/decide.ts";
import { seedDemo } from "../../seed/index.ts";
import { body, createHarness, type Harness } from "../../test/harness.ts";
import { jsonInit, partnerIdByName, partnerUser, signInDemo } from "../../test/http.ts";
import { type ProjectSites, startProjectSites, textFor } from "../../test/project-sites.ts";

describe("projects (R5.4)", () => {
  let h: Harness;
  let sites: ProjectSites;
  let alfa: string;
  let beta: string;
  let partner: string;
  let limited: string;
  let betaMain: string;
  let moderator: string;
  let n = 0;

  beforeAll(async () => {
    sites = await startProjectSites();
    h = await createHarness({ projectSiteNetwork: sites.network });
    await seedDemo(h);
    alfa = await partnerIdByName(h, "Веб-студия Альфа");
    // A second partner with a main user we can sign in as: the co-developer (R5.4d).
    const [b] = await h.db
      .select()
      .from(s.partners)
      .where(and(eq(s.partners.status, "business")))
      .limit(1);
    beta = b!.id;
    betaMain = (
      await partnerUser(h, beta, "beta-main@example.ru", { name: "Бета", password: "beta-password-1" })
    ).cookie;
    partner = await signInDemo(h, "partner");
    limited = await signInDemo(h, "employee");
    moderator = await signInDemo(h, "moderator");
  });
  afterAll(async () => {
    await h?.close();
    await sites?.close();
  });

  const nextKey = () => `PRJ-${++n}-${Date.now().toString(36).toUpperCase()}`;
  const project = (url: string, licenseKey: string, extra: Record<string, unknown> = {}) => ({
    url,
    title: "Интернет-магазин клиента",
    editionCode: "business",
    licenseKey,
    client: { name: "ООО Клиент", email: "client@example.ru", phone: "+7 495 000-00-00" },
    licenseOwner: { name: "ООО Клиент", inn: "7707083893" },
    publishOnSite: true,
    ...extra,
  });
  const add = (payload: unknown, cookie = partner, partnerId = alfa) =>
    h.app.request(`/api/v1/partners/${partnerId}/projects`, jsonInit("POST", cookie, payload));
  const decide = (id: string, payload: unknown) =>
    h.app.request(`/api/v1/moderation/projects/${id}/decide`, jsonInit("POST", moderator, payload));
  const accruals = (sourceId: string) =>
    h.db.select().from(s.pointAccruals).where(eq(s.pointAccruals.sourceId, sourceId));

  it("R5.4f: a site sending the registered key is added as a draft with the check's evidence; limited users add too (R4E.4)", async () => {
    const key = nextKey();
    const url = sites.serve("shop-one.test", { license: { key } });
    const res = await add(project(url, key), limited);
    expect(res.status).toBe(201);
    const p = await body(res);
    expect(p).toMatchObject({ host: "shop-one.test", state: "draft", points: null, expectedPoints: 73 });
    expect(p.evidence.find((f: { rule: string }) => f.rule === "A3")).toMatchObject({ verdict: "pass" });
    expect(p.evidence.find((f: { rule: string }) => f.rule === "A7")).toMatchObject({ verdict: "pass" });
    const [report] = await h.db.select().from(s.auditReports).where(eq(s.auditReports.id, p.reportId));
    expect(report).toMatchObject({ projectId: p.id, partnerId: alfa, source: "server" });
    const list = await body(
      await h.app.request(`/api/v1/partners/${alfa}/projects`, { headers: { cookie: partner } }),
    );
    expect(list.items.find((x: { id: string }) => x.id === p.id)).toMatchObject({
      state: "draft",
      editionCode: "business",
      client: { name: "ООО Клиент" },
      licenseOwner: { inn: "7707083893" },
    });
  });

  it("R5.4f: a demo key is refused with the header as evidence (422 /problems/site-check-failed), nothing stored", async () => {
    const url = sites.serve("demo-shop.test", { license: "demo" });
    const res = await add(project(url, nextKey()));
    expect(res.status).toBe(422);
    const problem = await body(res);
    expect(problem.type).toBe("/problems/site-check-failed");
    expect(problem.detail).toContain("A3");
    const a3 = problem.evidence.find((f: { rule: string }) => f.rule === "A3");
    expect(a3).toMatchObject({ verdict: "fail", details: { key: "demo" } });
    expect(a3.evidence).toEqual([{ url, header: "X-Powered-CMS: Bitrix Site Manager (DEMO)" }]);
    expect(await h.db.select().from(s.projects).where(eq(s.projects.host, "demo-shop.test"))).toEqual([]);
  });

  it("R5.4f: a missing license header, or another key than the registered one, is refused with evidence", async () => {
    const none = sites.serve("no-header.test", { license: "none" });
    const res = await add(project(none, nextKey()));
    expect(res.status).toBe(422);
    const problem = await body(res);
    expect(problem.evidence.find((f: { rule: string }) => f.rule === "A3")).toMatchObject({
      verdict: "fail",
      evidence: [{ url: none, header: "X-Powered-CMS: —" }],
    });
    const other = sites.serve("other-key.test", { license: { key: nextKey() } });
    const wrong = await add(project(other, nextKey()));
    expect(wrong.status).toBe(422);
    expect((await body(wrong)).evidence.find((f: { rule: string }) => f.rule === "A3").verdict).toBe("fail");
  });

  it("R5.4h: a duplicate host is refused for any partner (www., case and port do not make it new), without fetching it", async () => {
    const key = nextKey();
    const url = sites.serve("dup-shop.test", { license: { key } });
    expect((await add(project(url, key))).status).toBe(201);
    const before = sites.requests.length;
    const again = await add(
      project(`http://WWW.Dup-Shop.test:${sites.port + 1}/catalog/`, nextKey()),
      betaMain,
      beta,
    );
    expect(again.status).toBe(409);
    expect((await body(again)).detail).toContain("dup-shop.test");
    expect(sites.requests.length).toBe(before);
  });

  it("R5.4h: two requests adding one host at once — the unique host decides, the loser gets a 409", async () => {
    const key1 = nextKey();
    const url = sites.serve("same-time.test", { license: { key: key1 } });
    const [mainUser] = await h.db
      .select()
      .from(s.user)
      .where(eq(s.user.email, "partner@partner-trust.local"));
    const deps = { db: h.db, clock: systemClock, projectSiteNetwork: sites.network };
    // Straight to the program: both pass the host check before either inserts.
    const results = await Promise.allSettled([
      addProject(deps, alfa, mainUser!.id, project(url, key1)),
      addProject(deps, alfa, mainUser!.id, project(url, key1)),
    ]);
    const outcomes = results.map((r) =>
      r.status === "fulfilled" ? "added" : (r.reason as { kind: string }).kind,
    );
    expect(outcomes.sort()).toEqual(["added", "conflict"]);
    expect(await h.db.select().from(s.projects).where(eq(s.projects.host, "same-time.test"))).toHaveLength(1);
  });

  it("R5.4i: projects on one key ≤ the edition's site count (multisite editions allow more)", async () => {
    const key = nextKey();
    const first = sites.serve("key-a.test", { license: { key } });
    const second = sites.serve("key-b.test", { license: { key } });
    const third = sites.serve("key-c.test", { license: { key } });
    expect((await add(project(first, key))).status).toBe(201);
    const over = await add(project(second, key));
    expect(over.status).toBe(409);
    expect((await body(over)).detail).toContain("R5.4i");
    // An admin makes the edition multisite (data, R5.2): one more site on the key.
    await h.db.update(s.editions).set({ sites: 2 }).where(eq(s.editions.code, "business"));
    try {
      expect((await add(project(second, key))).status).toBe(201);
      expect((await add(project(third, key))).status).toBe(409);
    } finally {
      await h.db.update(s.editions).set({ sites: 1 }).where(eq(s.editions.code, "business"));
    }
  });

  it("R5.4k: a probable mirror of another project (A6) is added but flagged for the moderator, and logged", async () => {
    const key1 = nextKey();
    const key2 = nextKey();
    const text = textFor("original-shop.test");
    const original = sites.serve("original-shop.test", { license: { key: key1 }, text });
    const mirror = sites.serve("mirror-shop.test", { license: { key: key2 }, text });
    const a = await body(await add(project(original, key1)));
    const res = await add(project(mirror, key2), betaMain, beta);
    expect(res.status).toBe(201);
    const m = await body(res);
    expect(m.mirrorOf).toMatchObject({ projectId: a.id, host: "original-shop.test" });
    expect(m.evidence.find((f: { rule: string }) => f.rule === "A6")).toMatchObject({ verdict: "review" });
    const queue = await body(
      await h.app.request("/api/v1/moderation/projects", { headers: { cookie: moderator } }),
    );
    const item = queue.items.find((x: { id: string }) => x.id === m.id);
    expect(item.mirrorOf).toMatchObject({ projectId: a.id, host: "original-shop.test", partnerId: alfa });
    expect(item.evidence.map((f: { rule: string }) => f.rule).sort()).toEqual(["A3", "A4", "A6", "A7"]);
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, m.id));
    expect(log).toMatchObject([{ action: "project.mirror_flag", actorUserId: "system:projects" }]);
    // Distinct sites are not flagged.
    expect(a.mirrorOf).toBeNull();
  });

  it("422 names the field: a bad URL, an unknown edition, a missing client", async () => {
    const bad = await add({ ...project("ftp://x.test/", nextKey()) });
    expect(bad.status).toBe(422);
    expect((await body(bad)).errors.map((e: { path: string }) => e.path)).toContain("url");
    const edition = await add(project("http://unknown-edition.test/", nextKey(), { editionCode: "nope" }));
    expect(edition.status).toBe(422);
    expect((await body(edition)).errors[0].path).toBe("editionCode");
    const { client: _, ...noClient } = project("http://x.test/", nextKey());
    expect((await add(noClient)).status).toBe(422);
  });

  it("R5.4a: accepted for review with the note (required), mailed; the partner's edit returns it to the queue; credited with the engine's points through an accrual, logged and mailed", async () => {
    const key = nextKey();
    const url = sites.serve("workflow.test", { license: { key } });
    const p = await body(await add(project(url, key)));
    const noNote = await decide(p.id, { decision: "accept_for_review" });
    expect(noNote.status).toBe(422);
    expect((await body(noNote)).errors[0].path).toBe("note");
    const review = await decide(p.id, { decision: "accept_for_review", note: "Нет отзыва клиента" });
    expect(review.status).toBe(200);
    expect(await body(review)).toMatchObject({ state: "accepted_for_review", points: null });
    const mails = await h.db
      .select()
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.to, "partner@partner-trust.local"));
    expect(
      mails.some((m) => m.text.includes("Нет отзыва клиента") && m.subject.includes("workflow.test")),
    ).toBe(true);
    const queued = await body(
      await h.app.request("/api/v1/moderation/projects", { headers: { cookie: moderator } }),
    );
    expect(queued.items.some((x: { id: string }) => x.id === p.id)).toBe(false);

    const edited = await h.app.request(
      `/api/v1/partners/${alfa}/projects/${p.id}`,
      jsonInit("PATCH", partner, { title: "Магазин с отзывом" }),
    );
    expect(edited.status).toBe(200);
    expect(await body(edited)).toMatchObject({
      state: "draft",
      title: "Магазин с отзывом",
      moderatorNote: "Нет отзыва клиента",
    });

    const credit = await decide(p.id, { decision: "credit" });
    expect(credit.status).toBe(200);
    const expected = pointsForEdition(defaultCatalogue, "business");
    expect(await body(credit)).toMatchObject({ state: "credited", points: expected });
    expect(await accruals(p.id)).toMatchObject([
      { partnerId: alfa, points: expected, sourceType: "project" },
    ]);
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, p.id));
    expect(log.map((l) => l.action)).toEqual(["project.accept_for_review", "project.credit"]);
    expect((await decide(p.id, { decision: "credit" })).status).toBe(409);
    expect(await accruals(p.id)).toHaveLength(1);
  });

  it("R5.4a: two moderators crediting at once — one wins; one accrual, one log entry, one mail", async () => {
    const key = nextKey();
    const p = await body(await add(project(sites.serve("race.test", { license: { key } }), key)));
    // Straight to the program, so both read the project as a draft before either writes.
    const deps = { db: h.db, clock: systemClock };
    const [mod] = await h.db.select().from(s.user).where(eq(s.user.email, "moderator@partner-trust.local"));
    const results = await Promise.allSettled([
      decideProject(deps, mod!.id, p.id, "credit", undefined),
      decideProject(deps, mod!.id, p.id, "reject", "Одновременно / At once"),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ kind: "conflict" });
    const log = await h.db.select().from(s.moderationLog).where(eq(s.moderationLog.targetId, p.id));
    expect(log).toHaveLength(1);
    const mails = (await h.db.select().from(s.emailOutbox)).filter((m) => m.subject.includes("race.test"));
    expect(mails).toHaveLength(1);
    const [row] = await h.db.select().from(s.projects).where(eq(s.projects.id, p.id));
    expect(await accruals(p.id)).toHaveLength(row!.state === "credited" ? 1 : 0);
  });

  it("R5.4h: editing a credited project never recalculates its points", async () => {
    const key = nextKey();
    const url = sites.serve("edit-after.test", { license: { key } });
    const p = await body(await add(project(url, key, { editionCode: "start" })));
    await decide(p.id, { decision: "credit" });
    const res = await h.app.request(
      `/api/v1/partners/${alfa}/projects/${p.id}`,
      jsonInit("PATCH", partner, {
        title: "Редизайн",
        client: { name: "ООО Новый клиент" },
        publishOnSite: false,
      }),
    );
    expect(await body(res)).toMatchObject({ state: "credited", points: 6, title: "Редизайн" });
    expect(await accruals(p.id)).toMatchObject([{ points: 6 }]);
  });

  it("R5.4b, R5.4g: without consent to publication the project is credited (points given) but not public", async () => {
    const k1 = nextKey();
    const k2 = nextKey();
    const hidden = await body(
      await add(project(sites.serve("private.test", { license: { key: k1 } }), k1, { publishOnSite: false })),
    );
    const shown = await body(await add(project(sites.serve("public.test", { license: { key: k2 } }), k2)));
    await decide(hidden.id, { decision: "credit" });
    await decide(shown.id, { decision: "credit" });
    expect(await accruals(hidden.id)).toMatchObject([{ points: 73 }]);
    const pub = await body(await h.app.request(`/api/v1/public/partners/${alfa}/projects`));
    const hosts = pub.items.map((x: { host: string }) => x.host);
    expect(hosts).toContain("public.test");
    expect(hosts).not.toContain("private.test");
    const mine = await body(
      await h.app.request(`/api/v1/partners/${alfa}/projects`, { headers: { cookie: partner } }),
    );
    expect(mine.items.find((x: { id: string }) => x.id === hidden.id)).toMatchObject({
      state: "credited",
      published: false,
    });
  });

  it("R5.4d: the points split only when both partners named each other; an odd point to the contract holder", async () => {
    // One-sided: Alfa names Beta, Beta never names Alfa → Alfa gets all the points.
    const k1 = nextKey();
    const one = await body(
      await add(
        project(sites.serve("one-sided.test", { license: { key: k1 } }), k1, { coDeveloperPartnerId: beta }),
      ),
    );
    expect(await body(await decide(one.id, { decision: "credit" }))).toMatchObject({ points: 73 });
    expect(await accruals(one.id)).toMatchObject([{ partnerId: alfa, points: 73 }]);

    // Both named each other: Beta adds the same host naming Alfa → confirmed, not a duplicate.
    const k2 = nextKey();
    const url = sites.serve("joint.test", { license: { key: k2 } });
    const joint = await body(await add(project(url, k2, { coDeveloperPartnerId: beta })));
    const back = await add(project(url, k2, { coDeveloperPartnerId: alfa }), betaMain, beta);
    expect(back.status).toBe(201);
    expect(await body(back)).toMatchObject({ id: joint.id, jointConfirmed: true });
    // A second confirmation, or a third partner on the host, is a duplicate (R5.4h).
    expect((await add(project(url, k2, { coDeveloperPartnerId: alfa }), betaMain, beta)).status).toBe(409);
    const credited = await body(await decide(joint.id, { decision: "credit" }));
    expect(credited.points).toBe(jointShare(73, true));
    const rows = await accruals(joint.id);
    expect(rows.map((r) => [r.partnerId, r.points, r.sourceType]).sort()).toEqual(
      [
        [alfa, 37, "project"],
        [beta, 36, "joint_project"],
      ].sort(),
    );
    const betaList = await body(
      await h.app.request(`/api/v1/partners/${beta}/projects`, { headers: { cookie: betaMain } }),
    );
    expect(betaList.items.find((x: { id: string }) => x.id === joint.id)).toMatchObject({
      coDeveloperConfirmed: true,
    });
    const betaMails = await h.db
      .select()
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.to, "beta-main@example.ru"));
    expect(betaMails.some((m) => m.text.includes("36"))).toBe(true);
  });

  it("R5.4a: a rejected project keeps its row and its host (R5.4h), cannot be edited, and is logged", async () => {
    const key = nextKey();
    const url = sites.serve("rejected.test", { license: { key } });
    const p = await body(await add(project(url, key)));
    expect((await decide(p.id, { decision: "reject" })).status).toBe(422);
    expect(
      (await decide(p.id, { decision: "reject", note: "Сайт — шаблон без контента (R5.4e)" })).status,
    ).toBe(200);
    const patch = await h.app.request(
      `/api/v1/partners/${alfa}/projects/${p.id}`,
      jsonInit("PATCH", partner, { title: "x" }),
    );
    expect(patch.status).toBe(409);
    expect((await add(project(url, nextKey()))).status).toBe(409);
    const rejected = await body(
      await h.app.request("/api/v1/moderation/projects?state=rejected", { headers: { cookie: moderator } }),
    );
    expect(rejected.items.find((x: { id: string }) => x.id === p.id)).toMatchObject({
      moderatorNote: "Сайт — шаблон без контента (R5.4e)",
    });
  });

  it("demo data: projects in every state (R5.4a) — drafts in the queue (one overdue, one flagged as a mirror, R5.4k), one accepted for review and one rejected with notes, one credited without publication", async () => {
    const get = async (state?: string) =>
      (
        await body(
          await h.app.request(`/api/v1/moderation/projects${state ? `?state=${state}` : ""}`, {
            headers: { cookie: moderator },
          }),
        )
      ).items as {
        host: string;
        overdue: boolean;
        mirrorOf: { host: string } | null;
        moderatorNote: string | null;
      }[];
    const drafts = await get();
    expect(drafts.find((x) => x.host === "klinika-zdorovie.ru")).toMatchObject({ overdue: true });
    expect(drafts.find((x) => x.host === "sadovod-shop.ru")).toMatchObject({
      overdue: false,
      mirrorOf: null,
    });
    expect(drafts.find((x) => x.host === "sadovod-shop-msk.ru")?.mirrorOf).toMatchObject({
      host: "sadovod-shop.ru",
    });
    expect(
      (await get("accepted_for_review")).find((x) => x.host === "kazan-tour.ru")?.moderatorNote,
    ).toContain("R5.4e");
    expect((await get("rejected")).find((x) => x.host === "template-demo-site.ru")?.moderatorNote).toContain(
      "R5.4e",
    );
    const credited = await get("credited");
    expect(credited.find((x) => x.host === "zakrytyj-portal.ru")).toMatchObject({
      published: false,
      points: 6,
    });
    // The plans' credited projects carry the points they were credited with (R5.4h).
    expect(credited.every((x) => typeof (x as unknown as { points: number }).points === "number")).toBe(true);
    const mine = await body(
      await h.app.request(`/api/v1/partners/${alfa}/projects`, { headers: { cookie: partner } }),
    );
    expect(mine.items.find((x: { host: string }) => x.host === "sadovod-shop.ru")).toMatchObject({
      listedUnder: "not_credited",
    });
    expect(mine.items.find((x: { host: string }) => x.host === "zakrytyj-portal.ru")).toMatchObject({
      listedUnder: "credited",
    });
  });

  it("R4E: another partner's users neither add to nor read this partner's projects; partners never moderate", async () => {
    expect((await add(project("http://x-other.test/", nextKey()), betaMain, alfa)).status).toBe(403);
    expect(
      (await h.app.request(`/api/v1/partners/${alfa}/projects`, { headers: { cookie: betaMain } })).status,
    ).toBe(403);
    expect(
      (await h.app.request("/api/v1/moderation/projects", { headers: { cookie: partner } })).status,
    ).toBe(403);
  });
});
