// R2.8: where badges were seen — per partner, host, widget and Moscow day, newest first; moderators look at the
// unregistered hosts, a partner at its own. Served by the badge-placement API and the moderation console.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { badgePlacements, partners } from "../../db/schema/index.ts";

export async function placementList(
  db: Db,
  q: { partnerId?: string | undefined; state?: "registered" | "unverified" | undefined; limit: number },
) {
  return db
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
    .where(
      and(
        q.partnerId ? eq(badgePlacements.partnerId, q.partnerId) : undefined,
        q.state ? eq(badgePlacements.verified, q.state) : undefined,
      ),
    )
    .orderBy(desc(badgePlacements.day), desc(badgePlacements.lastSeenAt))
    .limit(q.limit);
}
