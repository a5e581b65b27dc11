// R8, R4C.1–3: the course catalogue (admins add and retire courses), certificates recorded by admins, and a
// partner's training view with who lacks which course for Gold (R4C.2).
import { createRoute, z } from "@hono/zod-openapi";
import type { Principal } from "../../auth/principal.ts";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { recordCertificate } from "../../program/training/certificates.ts";
import { addCourse, courseView, listCourses, updateCourse } from "../../program/training/courses.ts";
import { trainingOf } from "../../program/training/gaps.ts";
import { actorAt, json, jsonBody, partnerParams, pathId } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const examLevels = z.enum(["junior", "middle", "senior"]);

const CourseSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    kind: z.enum(["course", "developer_exam"]),
    active: z.boolean(),
    nfrRequest: z.boolean(),
    addedOn: z.string(),
    retiredOn: z.string().nullable(),
  })
  .openapi("Course");

const list = createRoute({
  method: "get",
  path: "/courses",
  tags: ["training"],
  summary: "The course catalogue (retired courses included, marked inactive)",
  responses: { 200: json(z.object({ items: z.array(CourseSchema) }), "Courses") },
});

const add = createRoute({
  method: "post",
  path: "/admin/courses",
  tags: ["training"],
  summary: "Admin: add a course; required of Gold specialists from today (R4C.2)",
  request: {
    ...jsonBody(
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "латиница, цифры, дефис / lower-case letters, digits, hyphens"),
        title: z.string().trim().min(1).max(200),
        kind: z.enum(["course", "developer_exam"]).default("course"),
        nfrRequest: z.boolean().default(false),
      }),
    ),
  },
  responses: { 201: json(CourseSchema, "The course"), ...problems(401, 403, 409, 422) },
});

const update = createRoute({
  method: "patch",
  path: "/admin/courses/{courseId}",
  tags: ["training"],
  summary: "Admin: edit a course; active=false retires it",
  request: {
    params: z.object({ courseId: pathId("courseId") }),
    ...jsonBody(
      z
        .object({
          title: z.string().trim().min(1).max(200).optional(),
          active: z.boolean().optional(),
          nfrRequest: z.boolean().optional(),
        })
        .refine((b) => Object.values(b).some((v) => v !== undefined), {
          message: "Нужно хотя бы одно поле. / At least one field.",
          path: ["title"],
        }),
    ),
  },
  responses: { 200: json(CourseSchema, "The course"), ...problems(401, 403, 404, 422) },
});

const certify = createRoute({
  method: "post",
  path: "/admin/certificates",
  tags: ["training"],
  summary: "Admin: record a certificate (exam level for developer exams, R4C.3); statuses re-evaluated",
  request: {
    ...jsonBody(
      z.object({
        email: z.string().trim().email().max(200),
        courseCode: z.string().trim().min(1).max(64),
        issuedOn: z.iso.date(),
        examLevel: examLevels.optional(),
      }),
    ),
  },
  responses: {
    201: json(
      z.object({
        id: z.string(),
        userId: z.string(),
        email: z.string(),
        courseCode: z.string(),
        examLevel: examLevels.nullable(),
        issuedOn: z.string(),
        partners: z.array(z.object({ partnerId: z.string(), status: z.string() })),
      }),
      "The certificate and the statuses of the user's partners",
    ),
    ...problems(401, 403, 404, 409, 422),
  },
});

const training = createRoute({
  method: "get",
  path: "/partners/{partnerId}/training",
  tags: ["training"],
  summary: "Attached employees with certificates, and who lacks which course for Gold (R4C.2)",
  request: { params: partnerParams },
  responses: {
    200: json(
      z.object({
        partnerId: z.string(),
        status: z.string(),
        requiredCourses: z.array(z.object({ code: z.string(), title: z.string(), requiredFrom: z.string() })),
        employees: z.array(
          z.object({
            linkId: z.string(),
            userId: z.string(),
            name: z.string(),
            email: z.string(),
            level: z.string(),
            certificates: z.array(
              z.object({
                courseCode: z.string(),
                title: z.string(),
                examLevel: examLevels.nullable(),
                issuedOn: z.string(),
              }),
            ),
          }),
        ),
        goldGaps: z.array(
          z.object({ userId: z.string(), name: z.string(), missingCourses: z.array(z.string()) }),
        ),
      }),
      "Training",
    ),
    ...problems(401, 403, 404, 422),
  },
});

export function trainingRoutes({ db, clock }: { db: Db; clock: Clock }) {
  const admin = (p: Principal | null) => actorAt(p, clock);
  return createRouter()
    .openapi(list, async (c) => c.json({ items: (await listCourses(db)).map(courseView) }, 200))
    .openapi(add, async (c) => {
      const course = await addCourse(db, c.req.valid("json"), admin(c.get("principal")));
      return c.json(courseView(course), 201);
    })
    .openapi(update, async (c) => {
      const { courseId } = c.req.valid("param");
      const course = await updateCourse(db, courseId, c.req.valid("json"), admin(c.get("principal")));
      return c.json(courseView(course), 200);
    })
    .openapi(certify, async (c) => {
      const result = await recordCertificate(db, c.req.valid("json"), admin(c.get("principal")), clock);
      return c.json(result, 201);
    })
    .openapi(training, async (c) => c.json(await trainingOf(db, c.req.valid("param").partnerId), 200));
}
