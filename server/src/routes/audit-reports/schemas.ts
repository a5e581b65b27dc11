// Request and response shapes of the audit routes (zod → 422 naming the field; sizes bounded).
import { z } from "@hono/zod-openapi";
import { auditVerdicts } from "../../db/schema/index.ts";
import { PublicCardSchema } from "../public-card/index.ts";

export const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_SCREENSHOT_CHARS = 700_000;

const Url = z.url({ protocol: /^https?$/ }).max(2048);
const Message = z.object({ ru: z.string().max(4000), en: z.string().max(4000) });

export const FindingSchema = z
  .object({
    rule: z.enum(["A1", "A2", "A3", "A4", "A5", "A6", "A7"]),
    verdict: z.enum(["pass", "fail", "review"]),
    message: Message,
    evidence: z
      .array(
        z.object({
          url: z.string().max(2048),
          selector: z.string().max(2000).optional(),
          excerpt: z.string().max(2000).optional(),
          header: z.string().max(4000).optional(),
        }),
      )
      .max(100),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("AuditFinding");

export const LookupQuerySchema = z.object({
  host: z.string().min(1).max(253).openapi({ example: "alfa-client-1.ru" }),
  partnerId: z.string().min(1).max(100).optional(),
  projectId: z.string().min(1).max(100).optional(),
});

export const LookupSchema = z
  .object({
    host: z.string(),
    targets: z.array(
      z.object({
        partner: z.object({ id: z.string(), name: z.string() }),
        project: z.object({ id: z.string(), title: z.string(), host: z.string() }).nullable(),
        matchedBy: z.array(z.enum(["domain", "project", "website", "picked"])),
        card: PublicCardSchema.nullable(),
        knownKeys: z.array(z.object({ label: z.string(), hash: z.string(), expected: z.boolean() })),
      }),
    ),
  })
  .openapi("AuditLookup");

export const ReportInputSchema = z
  .object({
    url: Url,
    partnerId: z.string().min(1).max(100).optional(),
    projectId: z.string().min(1).max(100).optional(),
    findings: z.array(FindingSchema).min(1).max(20),
    pages: z
      .array(
        z.object({
          url: Url,
          status: z.number().int().min(0).max(999),
          findings: z.array(FindingSchema).max(5),
        }),
      )
      .max(200)
      .optional(),
    verdict: z.enum(auditVerdicts),
    note: z.string().max(4000).default(""),
    screenshots: z
      .array(
        z.object({
          rule: z.enum(["A1", "A2", "A3", "A4", "A5", "A6", "A7"]),
          selector: z.string().max(2000).optional(),
          url: Url,
          dataUrl: z
            .string()
            .max(MAX_SCREENSHOT_CHARS)
            .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, "a PNG or JPEG data URL"),
        }),
      )
      .max(5)
      .optional(),
  })
  .openapi("AuditReportInput");

export type ReportInput = z.infer<typeof ReportInputSchema>;

export const ReportSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    host: z.string(),
    partnerId: z.string().nullable(),
    projectId: z.string().nullable(),
    source: z.enum(["extension", "server"]),
    verdict: z.enum(auditVerdicts).nullable(),
    note: z.string(),
    createdAt: z.string(),
    auditor: z.object({
      id: z.string().nullable(),
      name: z.string().nullable(),
      email: z.string().nullable(),
    }),
    summary: z.object({ pass: z.number(), fail: z.number(), review: z.number() }),
    findings: z.array(
      z.object({ rule: z.string(), verdict: z.enum(["pass", "fail", "review"]), message: Message }),
    ),
    screenshots: z.number().int(),
  })
  .openapi("AuditReport");

export const ListQuerySchema = z.object({
  host: z.string().min(1).max(253),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
