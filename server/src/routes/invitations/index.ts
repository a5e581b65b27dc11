// R4E.1: the invited user sees their invitations and accepts (access from then on) or declines.
import { createRoute, z } from "@hono/zod-openapi";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { employeeLevels } from "../../db/schema/index.ts";
import { answerInvitation, invitationsOf } from "../../program/employees/links.ts";
import { json, pathId, signedIn } from "../params.ts";
import { createRouter, problems } from "../router.ts";

const InvitationSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    partnerName: z.string(),
    level: z.enum(employeeLevels),
    marketplace: z.boolean(),
    leads: z.boolean(),
    invitedAt: z.string(),
  })
  .openapi("Invitation");

const AnswerSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  invitation: z.enum(["accepted", "declined"]),
  status: z.string().nullable(),
});

const mine = createRoute({
  method: "get",
  path: "/me/invitations",
  tags: ["employees"],
  summary: "The signed-in user's pending invitations to partner cards",
  responses: { 200: json(z.object({ items: z.array(InvitationSchema) }), "Invitations"), ...problems(401) },
});

const params = z.object({ linkId: pathId("linkId") });
const answer = (verb: "accept" | "decline") =>
  createRoute({
    method: "post",
    path: `/invitations/{linkId}/${verb}`,
    tags: ["employees"],
    summary: verb === "accept" ? "Accept an invitation (access from now on)" : "Decline an invitation",
    request: { params },
    responses: { 200: json(AnswerSchema, "The answer"), ...problems(401, 403, 404, 409, 422) },
  });

export function invitationRoutes({ db, clock }: { db: Db; clock: Clock }) {
  const respond =
    (to: "accepted" | "declined") =>
    async (c: {
      get(k: "principal"): { userId: string } | null;
      req: { valid(t: "param"): { linkId: string } };
    }) => {
      const principal = signedIn(c.get("principal"));
      return answerInvitation(
        db,
        c.req.valid("param").linkId,
        to,
        { userId: principal.userId, now: clock.now() },
        clock,
      );
    };
  return createRouter()
    .openapi(mine, async (c) => {
      const principal = signedIn(c.get("principal"));
      const items = await invitationsOf(db, principal.userId, clock.now());
      return c.json({ items: items.map((i) => ({ ...i, invitedAt: i.invitedAt.toISOString() })) }, 200);
    })
    .openapi(answer("accept"), async (c) => c.json(await respond("accepted")(c), 200))
    .openapi(answer("decline"), async (c) => c.json(await respond("declined")(c), 200));
}
