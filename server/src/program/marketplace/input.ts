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

// R5.2: a publication claim. The URL must be the module's page on marketplace.1c-bitrix.ru (the evidence the
// moderator opens); the price is the module's end-user price in whole roubles (0: a free module, 0 points).
export const marketplaceUrl = z
  .url({
    protocol: /^https$/,
    hostname: /^marketplace\.1c-bitrix\.ru$/,
    error: "Ссылка https://marketplace.1c-bitrix.ru/… / A https://marketplace.1c-bitrix.ru/… link",
  })
  .max(2000);
export const priceRub = z
  .number({ error: "Цена в рублях / A price in roubles" })
  .int("Целое число рублей / Whole roubles")
  .min(0, "Не меньше 0 / At least 0")
  .max(100_000_000, "Не больше 100 000 000 / At most 100,000,000");

export const PublicationClaimSchema = z.object({ marketplaceUrl, priceRub });
