// R2.8: where badges were seen — moderators list unregistered hosts (findings), a partner its own placements.
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { validationError, zodFieldErrors } from "../../errors/index.ts";
import { placementList } from "../../program/badges/placement-list.ts";
import type { BadgeService } from "../../program/badges/service.ts";
import { createRouter } from "../router.ts";

const Query = z.object({
  state: z.enum(["registered", "unverified"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

async function list(db: Db, q: Parameters<typeof placementList>[1]) {
  const rows = await placementList(db, q);
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
      return c.json({ placements: await list(db, q) });
    })
    .get("/partners/:partnerId/badge-placements", async (c) => {
      const q = query(c.req.query());
      await badges.placements.flush();
      return c.json({ placements: await list(db, { ...q, partnerId: c.req.param("partnerId") }) });
    });
}
