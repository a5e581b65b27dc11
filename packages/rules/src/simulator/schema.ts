// The scenario file format of `pnpm rules simulate` (strict: unknown fields are refused).
import { z } from "zod";
import { isCivilDate } from "../dates/civil-date.ts";

const civilDate = z.string().superRefine((text, ctx) => {
  if (!isCivilDate(text))
    ctx.addIssue({ code: "custom", message: `"${text}" is not a real date in the form YYYY-MM-DD` });
});
// "__proto__" cannot be a key of a plain object, so it is refused as an id rather than silently lost.
const name = z
  .string()
  .min(1, "must not be empty")
  .refine((id) => id !== "__proto__", '"__proto__" is reserved and cannot be used as an id');
const on = civilDate;

const purchase = z
  .strictObject({
    on,
    type: z.literal("purchase"),
    edition: name.optional(),
    priceRub: z.number().positive().optional(),
  })
  .superRefine((event, ctx) => {
    if ((event.edition === undefined) === (event.priceRub === undefined)) {
      ctx.addIssue({ code: "custom", path: ["edition"], message: "give exactly one of edition, priceRub" });
    }
  });

export const eventSchemas = [
  purchase,
  z.strictObject({
    on,
    type: z.literal("project-credited"),
    edition: name,
    // Extension: lets scenarios exercise project-type competency conditions (R4.1).
    projectType: name.optional(),
    joint: z.strictObject({ contractHolder: z.boolean() }).optional(),
  }),
  z.strictObject({ on, type: z.literal("qm-completed"), edition: name }),
  z.strictObject({ on, type: z.literal("additional-points"), points: z.int().positive() }),
  z.strictObject({ on, type: z.literal("certificate"), employee: name, course: name }),
  z.strictObject({ on, type: z.literal("employee-detached"), employee: name }),
  z.strictObject({ on, type: z.literal("competency-granted"), competency: name, reason: name }),
  z.strictObject({ on, type: z.literal("competency-revoked"), competency: name, reason: name }),
  z.strictObject({ on, type: z.literal("terminated") }),
] as const;

export const scenarioEventSchema = z.discriminatedUnion("type", eventSchemas);

const courseTable = z.record(name, z.int().nonnegative());

export const scenarioSchema = z.strictObject({
  catalogue: z.strictObject({ editions: z.record(name, z.number().positive()) }).optional(),
  requirements: z
    .strictObject({ certified: courseTable.optional(), gold: courseTable.optional() })
    .optional(),
  partner: z.strictObject({ approvedOn: civilDate, city: z.string().optional() }),
  events: z.array(scenarioEventSchema).optional(),
  ask: z.array(civilDate).min(1, "ask at least one date"),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;
