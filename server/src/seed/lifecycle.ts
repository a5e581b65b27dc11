// Lifecycle demo data (R1.2c, R1.5): each demo partner's electronic contract, and the record of the terminated
// demo partner's termination (by agreement, dated when the widgets demo ends it), with its log entry.
import { eq } from "drizzle-orm";
import { moscowDay } from "../clock.ts";
import * as s from "../db/schema/index.ts";
import type { SeedContext } from "./context.ts";

export async function seedLifecycle(ctx: SeedContext): Promise<void> {
  const { db, accountIds } = ctx;
  const rows = await db
    .select({
      id: s.partners.id,
      approvedAt: s.partners.approvedAt,
      terminatedAt: s.partners.terminatedAt,
      noticeAt: s.partners.terminationNoticeAt,
      applicationId: s.applications.id,
    })
    .from(s.partners)
    .leftJoin(s.applications, eq(s.applications.partnerId, s.partners.id));
  if (rows.length === 0) return;
  await db.insert(s.contracts).values(
    rows.map((p) => {
      const day = moscowDay(p.approvedAt);
      return {
        partnerId: p.id,
        // The approval's format (program/lifecycle/approve.ts): the day and six hex digits.
        number: `PT-${day.replaceAll("-", "")}-${p.id.replaceAll("-", "").slice(0, 6).toUpperCase()}`,
        concludedOn: day,
        concludedAt: p.approvedAt,
        applicationId: p.applicationId,
      };
    }),
  );
  for (const p of rows) {
    if (!p.terminatedAt) continue;
    const requestedAt = p.noticeAt ?? p.terminatedAt;
    const on = moscowDay(p.terminatedAt);
    const reason = "Компания прекращает деятельность / The company is closing down";
    await db.insert(s.terminations).values({
      partnerId: p.id,
      initiator: "agreement",
      on,
      noticeOn: moscowDay(requestedAt),
      reason,
      requestedBy: accountIds.moderator,
      requestedAt,
    });
    await db.insert(s.moderationLog).values({
      actorUserId: accountIds.moderator,
      at: requestedAt,
      action: "partner.termination",
      targetType: "partner",
      targetId: p.id,
      reason: `by agreement on ${on}: ${reason}`,
    });
  }
}
