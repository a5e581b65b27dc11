import { describe, expect, it } from "vitest";
import { ScenarioError } from "./scenario-error.ts";
import { simulate, simulateText } from "./simulate.ts";

const requirements = { certified: { c1: 1 }, gold: { c1: 2, c2: 1 } };
const partner = { approvedOn: "2025-01-10", city: "Москва" };

function problems(input: unknown): readonly string[] {
  try {
    simulate(input);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error("expected the scenario to be refused");
}

describe("simulate", () => {
  it("R2.2, R2.3, R5.2, R5.5c: a partner climbs to Certified then Gold", () => {
    const { answers } = simulate({
      requirements,
      partner,
      events: [
        { on: "2025-02-01", type: "certificate", employee: "ann", course: "c1" },
        { on: "2025-02-01", type: "purchase", edition: "business" },
        { on: "2025-03-01", type: "additional-points", points: 30 },
        { on: "2025-04-01", type: "certificate", employee: "bob", course: "c1" },
        { on: "2025-04-01", type: "certificate", employee: "bob", course: "c2" },
        { on: "2025-05-01", type: "project-credited", edition: "business" },
        { on: "2025-05-01", type: "qm-completed", edition: "business" },
        { on: "2025-05-02", type: "additional-points", points: 250 },
        { on: "2025-05-03", type: "additional-points", points: 1 },
      ],
      ask: ["2025-02-28", "2025-03-01", "2025-05-02", "2025-05-03"],
    });
    expect(answers.map((a) => [a.status, a.activePoints, a.discountPercent, a.nfrKeys])).toEqual([
      ["business", 73, 40, 0],
      ["certified", 103, 45, 2],
      ["certified", 499, 45, 2],
      ["gold", 500, 50, 4],
    ]);
    expect(answers[3]).toMatchObject({
      statusSince: "2025-05-03",
      statusUntil: "2026-05-03",
      qmParticipant: true,
    });
    expect(answers[3]?.competencies).toEqual(["qm-participant"]);
  });

  it("R5.4d: a joint project gives the contract holder the odd point", () => {
    const run = (contractHolder: boolean) =>
      simulate({
        partner,
        events: [
          { on: "2025-02-01", type: "project-credited", edition: "business", joint: { contractHolder } },
        ],
        ask: ["2025-02-01"],
      }).answers[0]?.activePoints;
    expect(run(true)).toBe(37);
    expect(run(false)).toBe(36);
  });

  it("includes the asked day's events, sorts unsorted events stably, answers in the order asked", () => {
    const { answers } = simulate({
      partner,
      events: [
        { on: "2025-03-01", type: "purchase", priceRub: 5900 },
        { on: "2025-02-01", type: "purchase", priceRub: 500 },
      ],
      ask: ["2025-03-01", "2025-02-01"],
    });
    expect(answers.map((a) => [a.on, a.activePoints])).toEqual([
      ["2025-03-01", 7],
      ["2025-02-01", 1],
    ]);
  });

  it("R4.1 decision: manual competency decisions show in the answer", () => {
    const { answers } = simulate({
      partner,
      events: [
        { on: "2025-02-01", type: "competency-granted", competency: "medicine", reason: "hospital portals" },
        {
          on: "2025-04-01",
          type: "competency-revoked",
          competency: "medicine",
          reason: "projects withdrawn",
        },
      ],
      ask: ["2025-02-01", "2025-04-01"],
    });
    expect(answers.map((a) => a.competencies)).toEqual([["medicine"], []]);
  });

  it("R1.5c: after termination: status none, no discount, no keys, no forecast", () => {
    const { answers } = simulate({
      partner,
      events: [{ on: "2025-03-01", type: "terminated" }],
      ask: ["2025-03-01"],
    });
    expect(answers[0]).toMatchObject({ status: "none", statusUntil: null, discountPercent: 0, nfrKeys: 0 });
  });

  it("refuses unknown fields at any level, naming them", () => {
    expect(problems({ partner, ask: ["2025-02-01"], extra: 1 })).toEqual([
      '(scenario): unknown field "extra"',
    ]);
    expect(problems({ partner: { ...partner, inn: "1" }, ask: ["2025-02-01"] })).toEqual([
      'partner: unknown field "inn"',
    ]);
    expect(
      problems({
        partner,
        events: [{ on: "2025-02-01", type: "terminated", why: "x" }],
        ask: ["2025-02-01"],
      }),
    ).toEqual(['events[0]: unknown field "why"']);
  });

  it("refuses unknown event types and bad dates", () => {
    expect(
      problems({ partner, events: [{ on: "2025-02-01", type: "gift" }], ask: ["2025-02-01"] })[0],
    ).toMatch(/^events\[0\]\.type: unknown event type "gift"/);
    expect(problems({ partner, ask: ["2025-02-30"] })).toEqual([
      'ask[0]: "2025-02-30" is not a real date in the form YYYY-MM-DD',
    ]);
    expect(problems({ partner, ask: ["2025-2-1"] })[0]).toMatch(/^ask\[0\]/);
  });

  it("refuses events before approval, after termination, and unknown editions, naming index and field", () => {
    const found = problems({
      partner,
      events: [
        { on: "2025-03-01", type: "terminated" },
        { on: "2025-01-09", type: "additional-points", points: 5 },
        { on: "2025-02-01", type: "qm-completed", edition: "enterprise" },
        { on: "2025-03-02", type: "additional-points", points: 5 },
        { on: "2025-03-01", type: "certificate", employee: "ann", course: "c1" },
      ],
      ask: ["2025-03-05"],
    });
    expect(found).toEqual([
      "events[1].on: 2025-01-09 is before partner.approvedOn 2025-01-10",
      'events[2].edition: unknown edition "enterprise" (the catalogue has: start, standard, small-business, business)',
      "events[4].on: 2025-03-01 comes after the partner was terminated on 2025-03-01",
      "events[3].on: 2025-03-02 comes after the partner was terminated on 2025-03-01",
    ]);
  });

  it("refuses purchases with both or neither of edition and priceRub", () => {
    const both = { on: "2025-02-01", type: "purchase", edition: "start", priceRub: 5900 };
    expect(problems({ partner, events: [both], ask: ["2025-02-01"] })).toEqual([
      "events[0].edition: give exactly one of edition, priceRub",
    ]);
  });

  it("refuses invalid JSON", () => {
    expect(() => simulateText("{ nope")).toThrow(/invalid JSON/);
  });
});

describe("simulate with odd ids", () => {
  it("R2.2: a course id such as constructor is an ordinary string; __proto__ is refused", () => {
    const input = JSON.parse(`{
      "requirements": { "certified": { "constructor": 1, "toString": 1 } },
      "partner": { "approvedOn": "2025-01-10" },
      "events": [
        { "on": "2025-02-01", "type": "additional-points", "points": 100 },
        { "on": "2025-02-01", "type": "certificate", "employee": "a", "course": "constructor" },
        { "on": "2025-03-01", "type": "certificate", "employee": "b", "course": "toString" }
      ],
      "ask": ["2025-02-01", "2025-03-01"]
    }`);
    expect(simulate(input).answers.map((a) => a.status)).toEqual(["business", "certified"]);
    const proto = JSON.parse(`{ "requirements": { "certified": { "__proto__": 1 } },
      "partner": { "approvedOn": "2025-01-10" }, "ask": ["2025-02-01"] }`);
    expect(problems(proto)).toEqual([
      'requirements.certified.__proto__: "__proto__" is reserved and cannot be used as a key',
    ]);
  });
});
