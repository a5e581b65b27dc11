// R4E.6: what a partner writes about a Marketplace module — one set of rules for the API and the cabinet's forms.
import { z } from "zod";

export const moduleTitle = z.string().trim().min(1).max(200);
export const moduleDescription = z.string().trim().min(1).max(5000);

export const ModuleInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,50}\.[a-z0-9_]{2,50}$/, "Код вида partner.module / A code like partner.module"),
  title: moduleTitle,
  description: moduleDescription,
});

export const UpdateInputSchema = z.object({
  version: z
    .string()
    .trim()
    .regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, "Версия вида 1.2.3 / A version like 1.2.3"),
  notes: z.string().trim().min(1).max(5000),
});
