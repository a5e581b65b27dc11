// GET /api/v1/me: the signed-in user with roles and partner links (R4E).
import { createRoute, z } from "@hono/zod-openapi";
import { roleNames } from "../../auth/principal.ts";
import { employeeLevels, invitationStates } from "../../db/schema/index.ts";
import { unauthenticated } from "../../errors/index.ts";
import { createRouter, problems } from "../router.ts";

export const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(roleNames)),
    partnerLinks: z.array(
      z.object({
        partnerId: z.string(),
        partnerName: z.string(),
        level: z.enum(employeeLevels),
        marketplace: z.boolean(),
        leads: z.boolean(),
        invitation: z.enum(invitationStates),
      }),
    ),
  })
  .openapi("Me");

const route = createRoute({
  method: "get",
  path: "/me",
  security: [{ session: [] }],
  tags: ["account"],
  summary: "The signed-in user",
  responses: {
    200: { description: "The user", content: { "application/json": { schema: MeSchema } } },
    ...problems(401),
  },
});

export function meRoutes() {
  return createRouter().openapi(route, (c) => {
    const p = c.get("principal");
    if (!p) throw unauthenticated();
    return c.json(
      { id: p.userId, email: p.email, name: p.name, roles: p.roles, partnerLinks: p.partnerLinks },
      200,
    );
  });
}
