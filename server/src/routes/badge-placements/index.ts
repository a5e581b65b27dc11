// R2.8: where badges were seen — moderators list unregistered hosts (findings), a partner its own placements.
import { and, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { badgePlacements, partners } from "../../db/schema/index.ts";
import { validationError, zodFieldErrors } from "../../errors/index.ts";
import type { BadgeService } from "../../program/badges/service.ts";
import { createRouter } from "../router.ts";

const Query = z.object({
  state: z.enum(["registered", "unverified"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

async function list(db: Db, where: SQL | undefined, limit: number) {
  const rows = await db
    .select({
      partnerId: badgePlacements.partnerId,
      partnerName: partners.name,
      host: badgePlacements.host,
      widget: badgePlacements.widget,
      state: badgePlacements.verified,
      day: badgePlacements.day,
      requests: badgePlacements.requests,
      firstSeenAt: badgePlacements.firstSeenAt,
      lastSeenAt: badgePlacements.lastSeenAt,
    })
    .from(badgePlacements)
    .innerJoin(partners, eq(partners.id, badgePlacements.partnerId))
    .where(where)
    .orderBy(desc(badgePlacements.day), desc(badgePlacements.lastSeenAt))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    firstSeenAt: r.firstSeenAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
  }));
}

function query(raw: Record<string, string>) {
  const parsed = Query.safeParse(raw);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  return parsed.data;
}

export function badgePlacementRoutes({ db, badges }: { db: Db; badges: BadgeService }) {
  return createRouter()
    .get("/moderation/badge-placements", async (c) => {
      const q = query(c.req.query());
      // What the last few seconds counted is written first, so the list is current.
      await badges.placements.flush();
      const where = q.state ? eq(badgePlacements.verified, q.state) : undefined;
      return c.json({ placements: await list(db, where, q.limit) });
    })
    .get("/partners/:partnerId/badge-placements", async (c) => {
      const q = query(c.req.query());
      await badges.placements.flush();
      const own = eq(badgePlacements.partnerId, c.req.param("partnerId"));
      const where = q.state ? and(own, eq(badgePlacements.verified, q.state)) : own;
      return c.json({ placements: await list(db, where, q.limit) });
    });
}
