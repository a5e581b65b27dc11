// R4E.1–7: a partner's employees — add (with level and flags, mayGrant), list, change, detach — and the admin's
// main-user change (R4E.2).
import { createRoute, z } from "@hono/zod-openapi";
import type { Principal } from "../../auth/principal.ts";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { employeeLevels, invitationStates } from "../../db/schema/index.ts";
import { forbidden } from "../../errors/index.ts";
import {
  changeEmployee,
  detachEmployee,
  type EmployeeView,
  type Granter,
  inviteEmployee,
  listEmployees,
} from "../../program/employees/links.ts";
import { changeMainUser } from "../../program/employees/main-user.ts";
import { json, jsonBody, partnerParams, pathId } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const grantable = z.enum(["full", "limited", "certified"]);

export const EmployeeSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    level: z.enum(employeeLevels),
    marketplace: z.boolean(),
    leads: z.boolean(),
    invitation: z.enum(invitationStates),
    invitedAt: z.string(),
    respondedAt: z.string().nullable(),
    detachedAt: z.string().nullable(),
  })
  .openapi("Employee");

const view = (e: EmployeeView) => ({
  ...e,
  invitedAt: e.invitedAt.toISOString(),
  respondedAt: e.respondedAt?.toISOString() ?? null,
  detachedAt: e.detachedAt?.toISOString() ?? null,
});

const linkParams = partnerParams.extend({ linkId: pathId("linkId") });

const add = createRoute({
  method: "post",
  path: "/partners/{partnerId}/employees",
  tags: ["employees"],
  summary: "Add a signed-up user as an employee (pending until they accept, R4E.1)",
  request: {
    params: partnerParams,
    ...jsonBody(
      z.object({
        email: z.string().trim().email().max(200),
        level: grantable,
        marketplace: z.boolean().default(false),
        leads: z.boolean().default(false),
      }),
    ),
  },
  responses: { 201: json(EmployeeSchema, "The pending employee"), ...problems(401, 403, 404, 409, 422) },
});

const list = createRoute({
  method: "get",
  path: "/partners/{partnerId}/employees",
  tags: ["employees"],
  summary: "The partner's employees and invitations (detached and declined ones included)",
  request: { params: partnerParams },
  responses: {
    200: json(z.object({ items: z.array(EmployeeSchema) }), "Employees"),
    ...problems(401, 403, 422),
  },
});

const change = createRoute({
  method: "patch",
  path: "/partners/{partnerId}/employees/{linkId}",
  tags: ["employees"],
  summary: "Change an employee's level or flags (R4E.2–3)",
  request: {
    params: linkParams,
    ...jsonBody(
      z
        .object({
          level: grantable.optional(),
          marketplace: z.boolean().optional(),
          leads: z.boolean().optional(),
        })
        .refine((b) => Object.values(b).some((v) => v !== undefined), {
          message:
            "Нужно хотя бы одно поле: level, marketplace, leads. / At least one of level, marketplace, leads.",
          path: ["level"],
        }),
    ),
  },
  responses: { 200: json(EmployeeSchema, "The employee"), ...problems(401, 403, 404, 409, 422) },
});

const detach = createRoute({
  method: "post",
  path: "/partners/{partnerId}/employees/{linkId}/detach",
  tags: ["employees"],
  summary: "Detach an employee or withdraw an invitation; their certificates stop counting (R4C.1)",
  request: { params: linkParams },
  responses: { 200: json(EmployeeSchema, "The detached employee"), ...problems(401, 403, 404, 409, 422) },
});

const mainUser = createRoute({
  method: "post",
  path: "/admin/partners/{partnerId}/main-user",
  tags: ["employees"],
  summary: "Admin: change the partner's main user on its written request (R4E.2)",
  request: {
    params: partnerParams,
    ...jsonBody(
      z.object({
        email: z.string().trim().email().max(200),
        requestReference: z.string().trim().min(1).max(200),
        reason: z.string().trim().min(1).max(2000),
      }),
    ),
  },
  responses: {
    200: json(
      z.object({
        partnerId: z.string(),
        mainUserId: z.string(),
        previousMainUserIds: z.array(z.string()),
        status: z.string(),
      }),
      "The new main user",
    ),
    ...problems(401, 403, 404, 409, 422),
  },
});

/** The caller's accepted link to the partner (the policy let them in through it). */
function granter(principal: Principal | null, partnerId: string, now: Date): Granter {
  const link = principal?.partnerLinks.find((l) => l.partnerId === partnerId && l.invitation === "accepted");
  if (!principal || !link) throw forbidden();
  return { userId: principal.userId, name: principal.name, level: link.level, now };
}

export function employeeRoutes({ db, clock }: { db: Db; clock: Clock }) {
  return createRouter()
    .openapi(add, async (c) => {
      const { partnerId } = c.req.valid("param");
      const by = granter(c.get("principal"), partnerId, clock.now());
      return c.json(view(await inviteEmployee(db, partnerId, c.req.valid("json"), by)), 201);
    })
    .openapi(list, async (c) => {
      const { partnerId } = c.req.valid("param");
      return c.json({ items: (await listEmployees(db, partnerId)).map(view) }, 200);
    })
    .openapi(change, async (c) => {
      const { partnerId, linkId } = c.req.valid("param");
      const by = granter(c.get("principal"), partnerId, clock.now());
      return c.json(view(await changeEmployee(db, partnerId, linkId, c.req.valid("json"), by)), 200);
    })
    .openapi(detach, async (c) => {
      const { partnerId, linkId } = c.req.valid("param");
      const by = granter(c.get("principal"), partnerId, clock.now());
      return c.json(view(await detachEmployee(db, partnerId, linkId, by, clock)), 200);
    })
    .openapi(mainUser, async (c) => {
      const { partnerId } = c.req.valid("param");
      const principal = c.get("principal");
      if (!principal) throw forbidden();
      const result = await changeMainUser(
        db,
        partnerId,
        c.req.valid("json"),
        { userId: principal.userId, now: clock.now() },
        clock,
      );
      return c.json(result, 200);
    });
}
