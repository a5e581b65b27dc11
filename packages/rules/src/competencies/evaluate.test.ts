import { describe, expect, it } from "vitest";
import { defaultCompetencies } from "../catalogue/competencies.ts";
import type { CompetencyDefinition } from "../catalogue/types.ts";
import { rosterOn } from "../partner/roster.ts";
import { certs } from "../test-support.ts";
import { type CompetencyInput, competenciesOn } from "./evaluate.ts";

const none: CompetencyInput = {
  creditedProjects: [],
  roster: new Map(),
  qmParticipant: false,
  decisions: [],
};

describe("competencies", () => {
  it("R4.1: the catalogue holds the eight competencies, each with conditions as data", () => {
    expect(defaultCompetencies.map((c) => c.id)).toEqual([
      "composite-site",
      "qm-participant",
      "integration-1c",
      "php-hosting",
      "large-corporate",
      "system-administration",
      "medicine",
      "government",
    ]);
    for (const c of defaultCompetencies) expect(c.conditions.length).toBeGreaterThan(0);
  });

  it("R4.1: conditions are evaluated over facts: project types, certified employees, QM", () => {
    const input: CompetencyInput = {
      creditedProjects: [
        { on: "2025-02-01", projectType: "medicine" },
        { on: "2025-05-01", projectType: "medicine" },
      ],
      roster: rosterOn(
        certs("2025-01-01", [
          ["a", "admin-basic"],
          ["b", "bitrix-vm"],
        ]),
        "2025-06-01",
      ),
      qmParticipant: true,
      decisions: [],
    };
    expect(competenciesOn(defaultCompetencies, input, "2025-04-01")).toEqual([
      "qm-participant",
      "system-administration",
    ]);
    expect(competenciesOn(defaultCompetencies, input, "2025-05-01")).toEqual([
      "medicine",
      "qm-participant",
      "system-administration",
    ]);
  });

  it("R4.2: a Business partner with no facts holds none, and may hold them all (status is no input)", () => {
    expect(competenciesOn(defaultCompetencies, none, "2025-01-01")).toEqual([]);
  });

  it("R4.1 decision: a manual revoke overrides met conditions until a later manual grant", () => {
    const qm: CompetencyDefinition[] = [
      { id: "qm-participant", name: "QM", conditions: [{ kind: "qm-participant" }] },
    ];
    const input: CompetencyInput = {
      ...none,
      qmParticipant: true,
      decisions: [
        { on: "2025-03-01", competency: "qm-participant", granted: false, reason: "fake QM answers" },
        { on: "2025-06-01", competency: "qm-participant", granted: true, reason: "appeal upheld" },
      ],
    };
    expect(competenciesOn(qm, input, "2025-02-28")).toEqual(["qm-participant"]);
    expect(competenciesOn(qm, input, "2025-03-01")).toEqual([]);
    expect(competenciesOn(qm, { ...input, qmParticipant: false }, "2025-06-01")).toEqual(["qm-participant"]);
  });
});
