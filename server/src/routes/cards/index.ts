// R1.4a–c: the partner card — edits become pending versions, moderators approve or reject them.
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { forbidden, notFound } from "../../errors/index.ts";
import {
  type CardVersion,
  cardVersionsOf,
  decideCard,
  latestIn,
  pendingQueue,
  publication,
  submitCard,
} from "../../program/cards/versions.ts";
import { createRouter, problems } from "../router.ts";

const text = (max: number) => z.string().trim().min(1).max(max);

const CardInputSchema = z
  .object({
    name: text(200),
    city: text(100),
    description: z.string().trim().max(5000).nullish(),
    logoUrl: z.string().trim().max(500).nullish(),
    phone: z.string().trim().max(50).nullish(),
    email: z.string().trim().email().max(200).nullish(),
    leadsEmail: z.string().trim().email().max(200).nullish(),
    address: z.string().trim().max(500).nullish(),
    website: z.string().trim().url().max(500).nullish(),
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
    logoUrl: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    leadsEmail: z.string().nullable(),
    address: z.string().nullable(),
    website: z.string().nullable(),
    publishOnSite: z.boolean(),
    submittedAt: z.string(),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    publishable: z.boolean(),
    missing: z.array(z.string()),
  })
  .openapi("CardVersion");

function view(v: CardVersion) {
  return {
    id: v.id,
    version: v.version,
    state: v.state,
    name: v.name,
    city: v.city,
    description: v.description,
    logoUrl: v.logoUrl,
    phone: v.phone,
    email: v.email,
    leadsEmail: v.leadsEmail,
    address: v.address,
    website: v.website,
    publishOnSite: v.publishOnSite,
    submittedAt: v.submittedAt.toISOString(),
    reviewedAt: v.reviewedAt?.toISOString() ?? null,
    reviewNote: v.reviewNote,
    ...publication(v),
  };
}

const params = z.object({ partnerId: z.string().min(1).max(100) });
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

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
  request: { params, body: { content: { "application/json": { schema: CardInputSchema } }, required: true } },
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
    params: z.object({ versionId: z.string().min(1).max(100), decision: z.enum(["approve", "reject"]) }),
    body: {
      content: { "application/json": { schema: z.object({ note: z.string().trim().max(2000).optional() }) } },
      required: false,
    },
  },
  responses: { 200: json(CardVersionSchema, "The decided version"), ...problems(403, 404, 409, 422) },
});

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
      const created = await submitCard(db, partnerId, c.req.valid("json"), {
        userId: principal.userId,
        now: clock.now(),
      });
      return c.json(view(created), 202);
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
