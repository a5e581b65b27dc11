// R4E: the authorisation matrix through the real HTTP app — every rights level and flag × every partner route
// of the policy (each `right(...)` entry), adding employees of each level (mayGrant), and the actions the
// program names (edit card, buy, add project, view leads, send proposal, marketplace, open the cabinet)
// against a table written from RULES.md R4E.2–7, independent of rights.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as s from "../db/schema/index.ts";
import { account, call, type Member, team } from "../routes/employees/team.ts";
import { createHarness, type Harness } from "../test/harness.ts";
import { type Access, policy } from "./policy.ts";
import { holdsFlag, mayGrant, type PartnerRight, partnerRights } from "./rights.ts";

/** Every level, and the flags on levels that hold no right of their own (R4E.5–7). */
const members = {
  main: { level: "main" },
  full: { level: "full" },
  limited: { level: "limited" },
  certified: { level: "certified" },
  "certified+leads": { level: "certified", leads: true },
  "certified+marketplace": { level: "certified", marketplace: true },
  "limited+leads+marketplace": { level: "limited", leads: true, marketplace: true },
  "full+leads": { level: "full", leads: true },
} satisfies Record<string, Member>;
type Key = keyof typeof members;
const keys = Object.keys(members) as Key[];

/** Links that grant nothing: an invitation not yet accepted, a declined one, a detached employee (R4E.1). */
const inactive = {
  pending: { level: "full", invitation: "pending" },
  declined: { level: "full", invitation: "declined" },
  detached: { level: "main", invitation: "detached" },
} satisfies Record<string, Member>;

type RightAccess = Extract<Access, { partner: unknown }> & { right: PartnerRight };
const partnerRoutes = Object.entries(policy)
  .filter((e): e is [string, RightAccess] => typeof e[1] === "object" && "right" in e[1] && !!e[1].right)
  .map(([key, access]) => {
    const [method, path] = key.split(" ") as [string, string];
    return { key, method, path, access };
  });

/** rights.ts's answer for a member. */
function allows(m: Member, name: PartnerRight): boolean {
  const r: { levels: readonly s.EmployeeLevel[]; flag?: "leads" | "marketplace" } = partnerRights[name];
  const flags = { leads: m.leads ?? false, marketplace: m.marketplace ?? false };
  return r.levels.includes(m.level) && (r.flag === undefined || holdsFlag(m.level, flags, r.flag));
}

const T = true;
const F = false;
/** RULES.md R4E.2–7, by hand: who may do each action the issue names. */
const spec: Record<string, { routes: string[]; who: Record<Key, boolean> }> = {
  // R4E.3: full edits the card; R4E.4: limited cannot.
  "edit card": {
    routes: ["PUT /api/v1/partners/:partnerId/card"],
    who: {
      main: T,
      full: T,
      limited: F,
      certified: F,
      "certified+leads": F,
      "certified+marketplace": F,
      "limited+leads+marketplace": F,
      "full+leads": T,
    },
  },
  // R4E.3: full buys at the partner discount; R4E.4: limited cannot.
  buy: {
    routes: ["POST /api/v1/partners/:partnerId/purchases"],
    who: {
      main: T,
      full: T,
      limited: F,
      certified: F,
      "certified+leads": F,
      "certified+marketplace": F,
      "limited+leads+marketplace": F,
      "full+leads": T,
    },
  },
  // R4E.4: limited adds projects; R4E.5: certified employees have no rights.
  "add project": {
    routes: ["POST /api/v1/partners/:partnerId/projects"],
    who: {
      main: T,
      full: T,
      limited: T,
      certified: F,
      "certified+leads": F,
      "certified+marketplace": F,
      "limited+leads+marketplace": T,
      "full+leads": T,
    },
  },
  // R4E.7: the leads group (whatever the level); R4E.2: the main user sees everything.
  "view leads": {
    routes: ["GET /api/v1/partners/:partnerId/leads"],
    who: {
      main: T,
      full: F,
      limited: F,
      certified: F,
      "certified+leads": T,
      "certified+marketplace": F,
      "limited+leads+marketplace": T,
      "full+leads": T,
    },
  },
  "send proposal": {
    routes: ["POST /api/v1/partners/:partnerId/leads/:leadId/proposals"],
    who: {
      main: T,
      full: F,
      limited: F,
      certified: F,
      "certified+leads": T,
      "certified+marketplace": F,
      "limited+leads+marketplace": T,
      "full+leads": T,
    },
  },
  // R4E.6: the Marketplace group.
  marketplace: {
    routes: [
      "POST /api/v1/partners/:partnerId/marketplace-modules",
      "POST /api/v1/partners/:partnerId/marketplace-modules/:moduleId/updates",
    ],
    who: {
      main: T,
      full: F,
      limited: F,
      certified: F,
      "certified+leads": F,
      "certified+marketplace": T,
      "limited+leads+marketplace": T,
      "full+leads": F,
    },
  },
  // R2.6, R4E.4: limited users have no partner cabinet.
  "open the cabinet": {
    routes: ["GET /api/v1/partners/:partnerId/cabinet"],
    who: {
      main: T,
      full: T,
      limited: F,
      certified: F,
      "certified+leads": F,
      "certified+marketplace": F,
      "limited+leads+marketplace": F,
      "full+leads": T,
    },
  },
  // R4E.2–3: the main user and full employees add employees (which levels: below).
  "add employee": {
    routes: ["POST /api/v1/partners/:partnerId/employees"],
    who: {
      main: T,
      full: T,
      limited: F,
      certified: F,
      "certified+leads": F,
      "certified+marketplace": F,
      "limited+leads+marketplace": F,
      "full+leads": T,
    },
  },
};

/** R4E.2–3 by hand: the levels each level may grant (main only through an admin). */
const grants: Record<s.EmployeeLevel, readonly s.EmployeeLevel[]> = {
  main: ["full", "limited", "certified"],
  full: ["limited", "certified"],
  limited: [],
  certified: [],
};

describe("R4E authorisation matrix", () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof team<Key>>>;
  let off: Awaited<ReturnType<typeof team<keyof typeof inactive>>>;
  let outsider: Awaited<ReturnType<typeof team<"main">>>;
  beforeAll(async () => {
    h = await createHarness();
    t = await team(h, members, "ООО Матрица");
    off = await team(h, inactive, "ООО Матрица 2");
    outsider = await team(h, { main: { level: "main" } }, "ООО Чужие");
  });
  afterAll(() => h.close());

  /**
   * Calls `method path` on `partnerId` as `cookie`; other path parameters get ids that do not exist. A path the
   * app does not serve (a policy line without its route) fails here, not as a wrong 403.
   */
  const request = async (cookie: string, method: string, path: string, partnerId: string) => {
    const url = path.replace(":partnerId", partnerId).replace(/:([A-Za-z]+)/g, "matrix-$1");
    const hasBody = method !== "GET" && method !== "DELETE";
    // Pages take same-origin forms (their CSRF check is no authorisation); the API takes JSON.
    const init = path.startsWith("/api/")
      ? call(cookie, method, hasBody ? {} : undefined)
      : {
          method,
          headers: {
            cookie,
            origin: "http://localhost",
            "content-type": "application/x-www-form-urlencoded",
          },
          ...(hasBody ? { body: "" } : {}),
        };
    const res = await h.app.request(url, init);
    if (res.status === 404) {
      const detail = String(
        (
          await res
            .clone()
            .json()
            .catch(() => ({}))
        ).detail ?? "",
      );
      expect(detail.startsWith("No route for"), `${method} ${path} is served by the app`).toBe(false);
    }
    return res;
  };

  it("the policy has partner routes to walk", () => {
    expect(partnerRoutes.length).toBeGreaterThan(10);
  });

  it.each(partnerRoutes.map((r) => [r.key, r] as const))(
    "R4E: %s — 403 exactly for the levels and flags rights.ts refuses",
    async (_key, route) => {
      const got: Record<string, number> = {};
      const want: Record<string, string> = {};
      for (const k of keys) {
        got[k] = (await request(t.users[k].cookie, route.method, route.path, t.partnerId)).status;
        want[k] = allows(members[k], route.access.right) ? "allowed" : "403";
      }
      const seen = Object.fromEntries(keys.map((k) => [k, got[k] === 403 ? "403" : "allowed"]));
      expect(seen, JSON.stringify(got)).toEqual(want);
    },
  );

  it.each(partnerRoutes.map((r) => [r.key, r] as const))(
    "R4E.1: %s — 403 for a pending, declined or detached link and for another partner's main user",
    async (_key, route) => {
      for (const k of Object.keys(inactive) as (keyof typeof inactive)[])
        expect((await request(off.users[k].cookie, route.method, route.path, off.partnerId)).status, k).toBe(
          403,
        );
      expect((await request(outsider.users.main.cookie, route.method, route.path, t.partnerId)).status).toBe(
        403,
      );
    },
  );

  it.each(Object.entries(spec))("R4E.2–7: %s — the program's table", async (action, { routes, who }) => {
    for (const key of routes) {
      const access = policy[key] as RightAccess | undefined;
      expect(access?.right, `${key} is in the policy as a partner right`).toBeDefined();
      const [method, path] = key.split(" ") as [string, string];
      const seen: Record<string, boolean> = {};
      for (const k of keys)
        seen[k] = (await request(t.users[k].cookie, method, path, t.partnerId)).status !== 403;
      expect(seen, `${action}: ${key}`).toEqual(who);
    }
  });

  it("R4E.2–3: adding an employee of each level — the handler's mayGrant, through the real route", async () => {
    const seen: Record<string, Record<string, number>> = {};
    const want: Record<string, Record<string, number>> = {};
    for (const k of keys) {
      seen[k] = {};
      want[k] = {};
      for (const level of ["full", "limited", "certified"] as const) {
        const invitee = await account(h, `${k}-${level}`);
        const res = await h.app.request(
          `/api/v1/partners/${t.partnerId}/employees`,
          call(t.users[k].cookie, "POST", { email: invitee.email, level }),
        );
        seen[k][level] = res.status;
        const level_ = members[k].level;
        // The hand table, and rights.ts agreeing with it.
        expect(mayGrant(level_, level), `${level_} grants ${level}`).toBe(grants[level_].includes(level));
        want[k][level] = grants[level_].includes(level) ? 201 : 403;
      }
    }
    expect(seen).toEqual(want);
  });

  it("R4E.2: the main level is granted by nobody here — only an admin changes the main user", async () => {
    for (const k of keys) {
      expect(mayGrant(members[k].level, "main")).toBe(false);
      const res = await h.app.request(
        `/api/v1/admin/partners/${t.partnerId}/main-user`,
        call(t.users[k].cookie, "POST", {
          email: t.users.full.email,
          requestReference: "№ 1",
          reason: "матрица",
        }),
      );
      expect(res.status, k).toBe(403);
    }
    const moderator = await account(h, "moderator", "moderator");
    const res = await h.app.request(
      `/api/v1/admin/partners/${t.partnerId}/main-user`,
      call(moderator.cookie, "POST", {
        email: t.users.full.email,
        requestReference: "№ 1",
        reason: "матрица",
      }),
    );
    expect(res.status).toBe(403);
  });
});
