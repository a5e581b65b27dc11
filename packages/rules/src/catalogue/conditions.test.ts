import { describe, expect, it } from "vitest";
import { competencyConditionsSchema } from "./conditions.ts";
import { defaultCatalogue } from "./default.ts";

describe("R4.1: competency conditions as data", () => {
  it("R4.1: every default competency's conditions pass the schema", () => {
    for (const c of defaultCatalogue.competencies)
      expect(competencyConditionsSchema.safeParse(c.conditions).success).toBe(true);
  });
  it("R4.1: unknown kinds, unknown fields, zero minimums and an empty list are refused", () => {
    for (const bad of [
      [],
      [{ kind: "sold-licenses", min: 1 }],
      [{ kind: "qm-participant", extra: true }],
      [{ kind: "credited-projects", min: 0 }],
      [{ kind: "certified-employees", min: 1, courses: [] }],
    ])
      expect(competencyConditionsSchema.safeParse(bad).success).toBe(false);
  });
});
