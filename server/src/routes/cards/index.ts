// R1.4a–c: the partner card — edits become pending versions, moderators approve or reject them.
import { createRoute, z } from "@hono/zod-openapi";
import type { HonoRequest } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { forbidden, notFound, validationError } from "../../errors/index.ts";
import { normalisePortal, normaliseRuPhone, unique } from "../../program/cards/fields.ts";
import { logoTooLarge, MAX_LOGO_BYTES } from "../../program/cards/logo.ts";
import { logoById, uploadLogo } from "../../program/cards/logos.ts";
import {
  type CardInput,
  type CardVersion,
  cardValues,
  cardVersionsOf,
  decideCard,
  latestIn,
  pendingQueue,
  publication,
  submitCard,
} from "../../program/cards/versions.ts";
import { json, jsonBody, partnerParams, pathId } from "../params.ts";
import { logoResponse } from "../public-card/logo.ts";
import { createRouter, problems } from "../router.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
const list = <T extends z.ZodTypeAny>(item: T, max: number) => z.array(item).max(max).default([]);

// R1.4a: Russian numbers, stored in E.164; e-mails; non-empty addresses. R6.3a: <name>.bitrix24.<zone>.
const PhoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .refine((v) => normaliseRuPhone(v) !== null, {
    message: "Не российский номер телефона. / Not a valid Russian phone number.",
  })
  .openapi({ example: "+7 (495) 229-14-41" });
const PortalSchema = z
  .string()
  .trim()
  .max(300)
  .refine((v) => normalisePortal(v) !== null, {
    message:
      "Адрес портала Битрикс24 вида company.bitrix24.ru. / A Bitrix24 portal host like company.bitrix24.ru.",
  })
  .openapi({ example: "company.bitrix24.ru" });

const CardInputSchema = z
  .object({
    name: text(200),
    city: text(100),
    description: z.string().trim().max(5000).nullish(),
    phones: list(PhoneSchema, 10),
    emails: list(z.string().trim().email().max(200), 10),
    addresses: list(text(500), 10),
    website: z.string().trim().url().max(500).nullish(),
    bitrix24Portal: PortalSchema.nullish(),
    leadsEmail: z.string().trim().email().max(200).nullish(),
    publishOnSite: z.boolean().default(false),
  })
  .openapi("CardInput");

const CardVersionSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    state: z.enum(["pending", "approved", "rejected", "superseded"]),
    name: z.string(),
    city: z.string(),
    description: z.string().nullable(),
    logoId: z.string().nullable(),
    /** This version's logo (partner users and staff); the approved one is also public. */
    logoUrl: z.string().nullable(),
    phones: z.array(z.string()),
    emails: z.array(z.string()),
    addresses: z.array(z.string()),
    website: z.string().nullable(),
    bitrix24Portal: z.string().nullable(),
    leadsEmail: z.string().nullable(),
    publishOnSite: z.boolean(),
    submittedAt: z.string(),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    publishable: z.boolean(),
    missing: z.array(z.string()),
  })
  .openapi("CardVersion");

export const versionLogoUrl = (v: Pick<CardVersion, "partnerId" | "id">) =>
  `/api/v1/partners/${encodeURIComponent(v.partnerId)}/card/versions/${encodeURIComponent(v.id)}/logo`;

function view(v: CardVersion) {
  const values = cardValues(v);
  return {
    id: v.id,
    version: v.version,
    state: v.state,
    name: values.name,
    city: values.city,
    description: values.description,
    logoId: values.logoId,
    logoUrl: values.logoId ? versionLogoUrl(v) : null,
    phones: values.phones,
    emails: values.emails,
    addresses: values.addresses,
    website: values.website,
    bitrix24Portal: values.bitrix24Portal,
    leadsEmail: values.leadsEmail,
    publishOnSite: values.publishOnSite,
    submittedAt: v.submittedAt.toISOString(),
    reviewedAt: v.reviewedAt?.toISOString() ?? null,
    reviewNote: v.reviewNote,
    ...publication(v),
  };
}

/** The edit as stored: phones in E.164, portal as a host, lists without repeats. */
function normalised(input: z.infer<typeof CardInputSchema>): CardInput {
  return {
    ...input,
    phones: unique(input.phones.map((p) => normaliseRuPhone(p) ?? p)),
    emails: unique(input.emails.map((e) => e.toLowerCase())),
    addresses: unique(input.addresses),
    bitrix24Portal: input.bitrix24Portal ? normalisePortal(input.bitrix24Portal) : null,
  };
}

const params = partnerParams;

const getCard = createRoute({
  method: "get",
  path: "/partners/{partnerId}/card",
  tags: ["cards"],
  summary: "The approved card version and the pending one, if any",
  request: { params },
  responses: {
    200: json(
      z.object({ approved: CardVersionSchema.nullable(), pending: CardVersionSchema.nullable() }),
      "The card",
    ),
    ...problems(403, 404, 422),
  },
});

const putCard = createRoute({
  method: "put",
  path: "/partners/{partnerId}/card",
  tags: ["cards"],
  summary: "Submit a card edit (a pending version for moderation)",
  request: { params, ...jsonBody(CardInputSchema) },
  responses: { 202: json(CardVersionSchema, "The pending version"), ...problems(403, 404, 422) },
});

const listVersions = createRoute({
  method: "get",
  path: "/partners/{partnerId}/card/versions",
  tags: ["cards"],
  summary: "Every card version (approved, pending, rejected, superseded)",
  request: { params },
  responses: {
    200: json(z.object({ items: z.array(CardVersionSchema) }), "Versions"),
    ...problems(403, 404),
  },
});

const DiffSchema = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
const queue = createRoute({
  method: "get",
  path: "/moderation/card-changes",
  tags: ["cards"],
  summary: "Pending card versions with their diff against the approved one",
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            partnerId: z.string(),
            version: CardVersionSchema,
            approvedVersionId: z.string().nullable(),
            diff: z.array(DiffSchema),
          }),
        ),
      }),
      "Queue",
    ),
    ...problems(403),
  },
});

const decide = createRoute({
  method: "post",
  path: "/moderation/card-changes/{versionId}/{decision}",
  tags: ["cards"],
  summary: "Approve or reject a pending card version, with a note",
  request: {
    params: z.object({ versionId: pathId("versionId"), decision: z.enum(["approve", "reject"]) }),
    body: {
      content: { "application/json": { schema: z.object({ note: z.string().trim().max(2000).optional() }) } },
      required: false,
    },
  },
  responses: { 200: json(CardVersionSchema, "The decided version"), ...problems(403, 404, 409, 422) },
});

const binary = { type: "string", format: "binary" } as const;
const putLogo = createRoute({
  method: "put",
  path: "/partners/{partnerId}/card/logo",
  tags: ["cards"],
  summary:
    "Upload the logo (PNG, JPEG or WebP by content, ≤ 1 MB, 16–4096 px a side; SVG refused): a new pending version",
  description:
    "Send the image as the body with its Content-Type, or as multipart/form-data field `file`. The type is read from the bytes. 413 over 1 MB; 422 naming `file` otherwise.",
  middleware: [
    bodyLimit({
      // A multipart body carries the file plus its boundary and headers.
      maxSize: MAX_LOGO_BYTES + 64 * 1024,
      onError: () => {
        throw logoTooLarge();
      },
    }),
  ] as const,
  request: {
    params,
    body: {
      required: false,
      content: {
        "image/png": { schema: binary },
        "image/jpeg": { schema: binary },
        "image/webp": { schema: binary },
        // Plain OpenAPI schemas: the handler reads the body itself (any other type is a 422 naming `file`).
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: { file: { type: "string", format: "binary" } },
            required: ["file"],
          },
        },
      },
    },
  },
  responses: {
    201: json(CardVersionSchema, "The pending version with the new logo"),
    ...problems(403, 404, 413, 422),
  },
});

const versionLogo = createRoute({
  method: "get",
  path: "/partners/{partnerId}/card/versions/{versionId}/logo",
  tags: ["cards"],
  summary: "A card version's logo (pending ones too: what the moderator approves)",
  request: { params: params.extend({ versionId: pathId("versionId") }) },
  responses: {
    200: { description: "The image", content: { "image/png": { schema: binary } } },
    ...problems(403, 404, 422),
  },
});

/** The uploaded bytes and their declared type: raw body, or multipart `file`. */
async function uploaded(req: HonoRequest): Promise<{ bytes: Uint8Array; type: string | null }> {
  const type = req.header("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  const missing = () =>
    validationError([
      {
        path: "file",
        message:
          "Нужен файл: multipart/form-data с полем file или изображение в теле запроса. / Send multipart/form-data with `file`, or the image as the body with its Content-Type.",
      },
    ]);
  if (type === "multipart/form-data") {
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) throw missing();
    return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type || null };
  }
  if (!type.startsWith("image/") && type !== "application/octet-stream") throw missing();
  return { bytes: new Uint8Array(await req.arrayBuffer()), type };
}

export function cardRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(getCard, async (c) => {
      const { partnerId } = c.req.valid("param");
      const versions = await cardVersionsOf(db, partnerId);
      if (versions.length === 0) throw notFound("No card for this partner.");
      const approved = latestIn(versions, "approved");
      const pending = latestIn(versions, "pending");
      return c.json(
        { approved: approved ? view(approved) : null, pending: pending ? view(pending) : null },
        200,
      );
    })
    .openapi(putCard, async (c) => {
      const { partnerId } = c.req.valid("param");
      const principal = c.get("principal");
      if (!principal) throw forbidden();
      const versions = await cardVersionsOf(db, partnerId);
      if (versions.length === 0) throw notFound("No card for this partner.");
      const created = await submitCard(db, partnerId, normalised(c.req.valid("json")), {
        userId: principal.userId,
        now: clock.now(),
      });
      return c.json(view(created), 202);
    })
    .openapi(putLogo, async (c) => {
      const { partnerId } = c.req.valid("param");
      const principal = c.get("principal");
      if (!principal) throw forbidden();
      const { bytes, type } = await uploaded(c.req);
      const created = await uploadLogo(db, partnerId, bytes, type, {
        userId: principal.userId,
        now: clock.now(),
      });
      return c.json(view(created), 201);
    })
    .openapi(versionLogo, async (c) => {
      const { partnerId, versionId } = c.req.valid("param");
      const version = (await cardVersionsOf(db, partnerId)).find((v) => v.id === versionId);
      const logo = version?.logoId ? await logoById(db, version.logoId) : undefined;
      if (!logo) throw notFound("This card version has no logo.");
      return logoResponse(c, logo, "private, no-cache") as never;
    })
    .openapi(listVersions, async (c) => {
      const { partnerId } = c.req.valid("param");
      const versions = await cardVersionsOf(db, partnerId);
      if (versions.length === 0) throw notFound("No card for this partner.");
      return c.json({ items: versions.map(view) }, 200);
    })
    .openapi(queue, async (c) => {
      const items = await pendingQueue(db);
      return c.json(
        {
          items: items.map((i) => ({
            partnerId: i.version.partnerId,
            version: view(i.version),
            approvedVersionId: i.approvedVersionId,
            diff: i.diff,
          })),
        },
        200,
      );
    })
    .openapi(decide, async (c) => {
      const { versionId, decision } = c.req.valid("param");
      const principal = c.get("principal");
      if (!principal) throw forbidden();
      const note = (c.req.valid("json") as { note?: string } | undefined)?.note || undefined;
      const decided = await decideCard(db, versionId, decision, {
        userId: principal.userId,
        now: clock.now(),
        note,
      });
      return c.json(view(decided), 200);
    });
}
