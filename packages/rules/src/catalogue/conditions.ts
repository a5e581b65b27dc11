// R4.1 decision: a competency's conditions are data. This is their shape as an admin writes them (strict:
// unknown fields are refused), so that every stored condition is one the engine can evaluate.
import { z } from "zod";
import type { CompetencyCondition } from "./types.ts";

const count = z.number().int().min(1);

export const competencyConditionSchema: z.ZodType<CompetencyCondition> = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("credited-projects"),
    min: count,
    projectType: z.string().min(1).optional(),
    edition: z.string().min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal("certified-employees"),
    min: count,
    courses: z.array(z.string().min(1)).min(1),
  }),
  z.strictObject({ kind: z.literal("qm-participant") }),
]);

/** At least one condition: a competency nobody could earn is a mistake, not a setting. */
export const competencyConditionsSchema = z.array(competencyConditionSchema).min(1);
