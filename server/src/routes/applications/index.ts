// R1.2a: POST /api/v1/applications (the application form) and GET /api/v1/applications/mine.
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { applications } from "../../db/schema/index.ts";
import { conflict, validationError } from "../../errors/index.ts";
import { innProblem } from "../../program/applications/inn.ts";
import { json, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const companyTypes = ["legal_entity", "sole_proprietor", "individual"] as const;

const consentMessage =
  "Необходимо согласие на обработку персональных данных (152-ФЗ) / Consent to personal data processing (152-FZ) is required";

const ApplicationInput = z
  .object({
    companyType: z.enum(companyTypes),
    companyName: z.string().trim().min(1).max(300),
    inn: z.string().trim(),
    contactName: z.string().trim().min(1).max(200),
    phone: z.string().trim().min(5).max(40),
    email: z.string().trim().email(),
    city: z.string().trim().min(1).max(200),
    website: z.string().trim().url().optional(),
    activity: z.string().trim().min(1).max(2000),
    consentPersonalData: z.literal(true, { message: consentMessage }),
  })
  .openapi("ApplicationInput");

const ApplicationSchema = z
  .object({
    id: z.string(),
    companyType: z.enum(companyTypes),
    companyName: z.string(),
    inn: z.string(),
    state: z.enum(["submitted", "needs_info", "approved", "rejected"]),
    moderatorNote: z.string().nullable(),
    partnerId: z.string().nullable(),
    submittedAt: z.string(),
  })
  .openapi("Application");

type Row = typeof applications.$inferSelect;
const view = (r: Row) => ({
  id: r.id,
  companyType: r.legalKind,
  companyName: r.companyName,
  inn: r.inn,
  state: r.state,
  moderatorNote: r.moderatorNote,
  partnerId: r.partnerId,
  submittedAt: r.submittedAt.toISOString(),
});

const submit = createRoute({
  method: "post",
  path: "/applications",
  security: [{ session: [] }],
  tags: ["applications"],
  summary: "Submit a partner application (R1.2a)",
  request: { body: { required: true, content: { "application/json": { schema: ApplicationInput } } } },
  responses: {
    201: json(ApplicationSchema, "Submitted"),
    ...problems(401, 409, 422),
  },
});

const mine = createRoute({
  method: "get",
  path: "/applications/mine",
  security: [{ session: [] }],
  tags: ["applications"],
  summary: "The signed-in user's applications, newest first",
  responses: {
    200: json(z.object({ items: z.array(ApplicationSchema) }), "Applications"),
    ...problems(401),
  },
});

export function applicationRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(submit, async (c) => {
      const p = signedIn(c.get("principal"));
      const input = c.req.valid("json");
      const problem = innProblem(input.companyType, input.inn);
      if (problem) throw validationError([{ path: "inn", message: problem }]);
      const open = await db
        .select({ id: applications.id })
        .from(applications)
        .where(
          and(
            eq(applications.inn, input.inn),
            inArray(applications.state, ["submitted", "needs_info", "approved"]),
          ),
        )
        .limit(1);
      if (open.length > 0) {
        throw conflict(
          `Заявка с ИНН ${input.inn} уже подана или одобрена / An application for INN ${input.inn} is already pending or approved`,
        );
      }
      const [row] = await db
        .insert(applications)
        .values({
          userId: p.userId,
          companyName: input.companyName,
          inn: input.inn,
          legalKind: input.companyType,
          city: input.city,
          contactName: input.contactName,
          contactPhone: input.phone,
          contactEmail: input.email,
          website: input.website ?? null,
          activity: input.activity,
          personalDataConsent: true,
          submittedAt: clock.now(),
        })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return c.json(view(row), 201);
    })
    .openapi(mine, async (c) => {
      const p = signedIn(c.get("principal"));
      const rows = await db
        .select()
        .from(applications)
        .where(eq(applications.userId, p.userId))
        .orderBy(desc(applications.submittedAt));
      return c.json({ items: rows.map(view) }, 200);
    });
}
