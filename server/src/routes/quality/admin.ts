// R5.5a–b: the admins' routes over the QM data: add a question or a test, retire
// one or move it (wording never changes in place: see program/quality/admin.ts).
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { addQuestion, addTest, changeQuestion, changeTest } from "../../program/quality/admin.ts";
import { anyJson, jsonBody, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const text = z.string().trim().min(1).max(500);
const change = z
  .object({ active: z.boolean().optional(), position: z.number().int().min(1).max(1000).optional() })
  .refine((v) => v.active !== undefined || v.position !== undefined, {
    message: "active или position / active or position",
  });

const addQuestionRoute = createRoute({
  method: "post",
  path: "/admin/qm/questions",
  tags: ["quality"],
  summary: "Add a question to the call's questionnaire (R5.5b)",
  request: {
    ...jsonBody(
      z.object({
        textRu: text,
        textEn: text,
        scaleMin: z.number().int().min(0).max(100).default(1),
        scaleMax: z.number().int().min(1).max(100).default(5),
      }),
    ),
  },
  responses: { 201: anyJson("Added"), ...problems(401, 403, 422) },
});
const changeQuestionRoute = createRoute({
  method: "patch",
  path: "/admin/qm/questions/{questionId}",
  tags: ["quality"],
  summary: "Retire, restore or move a question",
  request: { params: z.object({ questionId: pathId("questionId") }), ...jsonBody(change) },
  responses: { 200: anyJson("Changed"), ...problems(401, 403, 404, 422) },
});
const addTestRoute = createRoute({
  method: "post",
  path: "/admin/qm/tests",
  tags: ["quality"],
  summary: "Add a mandatory quality monitor test (R5.5a)",
  request: {
    ...jsonBody(
      z.object({
        code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, "a-z, 0-9, -"),
        titleRu: text,
        titleEn: text,
      }),
    ),
  },
  responses: { 201: anyJson("Added"), ...problems(401, 403, 409, 422) },
});
const changeTestRoute = createRoute({
  method: "patch",
  path: "/admin/qm/tests/{code}",
  tags: ["quality"],
  summary: "Retire, restore or move a mandatory test",
  request: { params: z.object({ code: z.string().min(1).max(50) }), ...jsonBody(change) },
  responses: { 200: anyJson("Changed"), ...problems(401, 403, 404, 422) },
});

export function qmAdminRoutes({ db, clock }: { db: Db; clock: Clock }) {
  const adminId = (c: { get(key: "principal"): { userId: string } | null }) =>
    signedIn(c.get("principal")).userId;
  return createRouter()
    .openapi(addQuestionRoute, async (c) =>
      c.json(await addQuestion(db, { ...c.req.valid("json"), adminId: adminId(c) }, { clock }), 201),
    )
    .openapi(changeQuestionRoute, async (c) =>
      c.json(
        await changeQuestion(
          db,
          { ...c.req.valid("param"), ...c.req.valid("json"), adminId: adminId(c) },
          { clock },
        ),
        200,
      ),
    )
    .openapi(addTestRoute, async (c) =>
      c.json(await addTest(db, { ...c.req.valid("json"), adminId: adminId(c) }, { clock }), 201),
    )
    .openapi(changeTestRoute, async (c) =>
      c.json(
        await changeTest(
          db,
          { ...c.req.valid("param"), ...c.req.valid("json"), adminId: adminId(c) },
          { clock },
        ),
        200,
      ),
    );
}
