// R4E.2: only an admin changes a partner's main user, on the partner's written request (its reference and the
// reason go to the moderation log); the former main user keeps full rights.

import { eq, sql } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import { guard, writeOrConflict } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { conflict } from "../../errors/index.ts";
import { mailStatement } from "../../mail/partner.ts";
import { loadMails } from "../mail-templates/store.ts";
import { applyStatus } from "../status/apply.ts";
import { linkEvent, partnerOf, userByEmail } from "./links.ts";
import { formerMainUserMail, mainUserMail } from "./mail.ts";

export type MainUserRequest = { email: string; requestReference: string; reason: string };

export async function changeMainUser(
  db: Db,
  partnerId: string,
  request: MainUserRequest,
  by: { userId: string; now: Date },
  clock: Clock,
) {
  const partner = await partnerOf(db, partnerId);
  const next = await userByEmail(db, request.email);
  const links = await db
    .select({ link: s.employeeLinks, email: s.user.email })
    .from(s.employeeLinks)
    .innerJoin(s.user, eq(s.user.id, s.employeeLinks.userId))
    .where(eq(s.employeeLinks.partnerId, partnerId));
  const current = links.filter((r) => r.link.level === "main" && r.link.invitation === "accepted");
  if (current.some((r) => r.link.userId === next.id))
    throw conflict("Этот пользователь уже главный. / This user is already the main user.");
  const target = links.find((r) => r.link.userId === next.id)?.link;
  const { now } = by;
  const mails = await loadMails(db);
  const statements = current.flatMap(({ link, email }) => [
    db.update(s.employeeLinks).set({ level: "full" }).where(eq(s.employeeLinks.id, link.id)).getSQL(),
    linkEvent(link.id, by.userId, now, "main_user"),
    mailStatement(db, email, formerMainUserMail(mails, partner.name, request.requestReference), now),
  ]);
  const linkId = target?.id ?? crypto.randomUUID();
  const accepted = { level: "main" as const, invitation: "accepted" as const, respondedAt: now };
  if (target) {
    statements.push(
      db
        .update(s.employeeLinks)
        .set({ ...accepted, detachedAt: null, detachedBy: null })
        .where(eq(s.employeeLinks.id, target.id))
        .getSQL(),
    );
  } else {
    statements.push(
      db
        .insert(s.employeeLinks)
        .values({
          id: linkId,
          partnerId,
          userId: next.id,
          ...accepted,
          marketplace: true,
          leads: true,
          invitedBy: by.userId,
          invitedAt: now,
        })
        .getSQL(),
    );
  }
  statements.push(
    linkEvent(linkId, by.userId, now, "main_user"),
    db
      .insert(s.moderationLog)
      .values({
        actorUserId: by.userId,
        at: now,
        action: "partner.main_user",
        targetType: "partner",
        targetId: partnerId,
        reason: `${request.requestReference}: ${request.reason}`,
      })
      .getSQL(),
    mailStatement(db, next.email, mainUserMail(mails, partner.name, request.requestReference), now),
    // One main user after the batch, else an admin changed it at the same time (R4E.2).
    guard(sql`(select count(*) from employee_links where partner_id = ${partnerId}
      and level = 'main' and invitation = 'accepted') = 1`),
  );
  await writeOrConflict(
    db,
    statements,
    "Сотрудники партнёра изменились одновременно с вами. / The partner's employees changed meanwhile.",
  );
  // The new main user's certificates may count from now on (R4C.1).
  const applied = await applyStatus(db, partnerId, moscowDay(now), { clock });
  return {
    partnerId,
    mainUserId: next.id,
    previousMainUserIds: current.map((r) => r.link.userId),
    status: applied.state.status,
  };
}
