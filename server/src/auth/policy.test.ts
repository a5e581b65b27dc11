import { describe, expect, it } from "vitest";
import { type EmployeeLevel, employeeLevels } from "../db/schema/index.ts";
import { type Access, decide, lookup, paramsOf } from "./policy.ts";
import type { PartnerLink, Principal } from "./principal.ts";
import { mayGrant, right } from "./rights.ts";

const link = (over: Partial<PartnerLink> = {}): PartnerLink => ({
  partnerId: "p1",
  partnerName: "Альфа",
  level: "limited",
  marketplace: false,
  leads: false,
  invitation: "accepted",
  ...over,
});
const principal = (over: Partial<Principal> = {}): Principal => ({
  userId: "u1",
  email: "u@example.ru",
  name: "U",
  roles: ["client"],
  partnerLinks: [],
  ...over,
});

describe("policy", () => {
  it("denies a route with no rule (default deny)", () => {
    expect(lookup("GET", "/api/v1/not-in-table")).toBeUndefined();
    expect(decide(undefined, principal({ roles: ["admin"] }), {})).toEqual({
      allow: false,
      reason: "no-rule",
    });
  });

  it("anyone / signed-in", () => {
    expect(decide("anyone", null, {})).toEqual({ allow: true });
    expect(decide("signed-in", null, {})).toEqual({ allow: false, reason: "unauthenticated" });
    expect(decide("signed-in", principal(), {})).toEqual({ allow: true });
  });

  it("roles", () => {
    const staff: Access = { roles: ["admin", "moderator"] };
    expect(decide(staff, principal(), {}).allow).toBe(false);
    expect(decide(staff, principal({ roles: ["moderator"] }), {}).allow).toBe(true);
  });

  it("R4E: partner level and flag on the partner named in the path", () => {
    const leadsAccess: Access = {
      partner: { param: "partnerId", levels: ["main", "full", "limited"], flag: "leads" },
      staff: ["moderator"],
    };
    const params = paramsOf("/api/v1/partners/:partnerId/leads", "/api/v1/partners/p1/leads");
    expect(params).toEqual({ partnerId: "p1" });
    const withLeads = principal({ partnerLinks: [link({ leads: true })] });
    expect(decide(leadsAccess, withLeads, params).allow).toBe(true);
    expect(decide(leadsAccess, principal({ partnerLinks: [link()] }), params).allow).toBe(false);
    expect(decide(leadsAccess, withLeads, { partnerId: "p2" }).allow).toBe(false);
    const certified = principal({ partnerLinks: [link({ level: "certified", leads: true })] });
    expect(decide(leadsAccess, certified, params).allow).toBe(false);
    const pending = principal({ partnerLinks: [link({ leads: true, invitation: "pending" })] });
    expect(decide(leadsAccess, pending, params).allow).toBe(false);
    expect(decide(leadsAccess, principal({ roles: ["moderator"] }), params).allow).toBe(true);
  });
});

describe("R4E rights", () => {
  const params = { partnerId: "p1" };
  it("R4E.2: the main user holds every flag; R4E.7: others need the leads flag", () => {
    const leads = right("leads");
    expect(decide(leads, principal({ partnerLinks: [link({ level: "main" })] }), params).allow).toBe(true);
    expect(decide(leads, principal({ partnerLinks: [link({ level: "full" })] }), params).allow).toBe(false);
    const certifiedWithLeads = principal({ partnerLinks: [link({ level: "certified", leads: true })] });
    expect(decide(leads, certifiedWithLeads, params).allow).toBe(true);
  });

  it("R4E.4: limited users add projects but neither buy nor open the cabinet", () => {
    const limited = principal({ partnerLinks: [link({ level: "limited" })] });
    expect(decide(right("sections"), limited, params).allow).toBe(true);
    expect(decide(right("buy"), limited, params).allow).toBe(false);
    expect(decide(right("cabinet"), limited, params).allow).toBe(false);
  });

  it("R4E.2–3: main grants any level but main, full any but full (and main), others none", () => {
    const grants = (g: EmployeeLevel) => employeeLevels.filter((l) => mayGrant(g, l));
    expect(grants("main")).toEqual(["full", "limited", "certified"]);
    expect(grants("full")).toEqual(["limited", "certified"]);
    expect(grants("limited")).toEqual([]);
    expect(grants("certified")).toEqual([]);
  });
});
