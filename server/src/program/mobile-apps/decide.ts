// R5.2: the moderators' queue of published mobile apps and their decision. The rules set no deadline, so the
// queue shows each claim's age and flags nothing overdue. Crediting gives round-half-up(the edition's end-user
// price / 1000) through recordAccrual (source "mobile_app", the status applied at once, R2.5), in ONE write batch
// with the app's compare-and-swap from "pending", the moderation log and the e-mail: a decision made by another
// moderator first fails the whole batch (409), so the points are credited once, never twice.
import { pointsForPrice } from "@partner-trust/rules";
import { and, eq } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import { expectChanged, isRowMoved, runAtomically } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { conflict, validationError } from "../../errors/index.ts";
import { mailStatements, mainUserEmails } from "../../mail/partner.ts";
import { loadMails } from "../mail-templates/store.ts";
import { recordAccrual } from "../status/apply.ts";
import { appOf, appsWhere, appView, livePartner } from "./apps.ts";
import { decisionMail } from "./mail.ts";

const DAY = 24 * 60 * 60 * 1000;

/** Pending apps, oldest first, with the points each would give and its age in days (no term: nothing overdue). */
export async function moderationQueue(db: Db, { clock }: { clock: Clock }) {
  const now = clock.now().getTime();
  return (await appsWhere(db, { state: "pending" })).map((a) => ({
    ...a,
    ageDays: Math.floor((now - Date.parse(a.submittedAt)) / DAY),
  }));
}

export type AppDecision = { credit: boolean; note?: string | undefined };

const already = () =>
  conflict("Приложение уже рассмотрено / The app has already been decided by another moderator.");

export async function decideApp(
  db: Db,
  input: { appId: string; moderatorId: string; decision: AppDecision },
  { clock }: { clock: Clock },
) {
  const { appId, moderatorId } = input;
  const { credit } = input.decision;
  const note = input.decision.note?.trim() || undefined;
  if (!credit && !note)
    throw validationError([{ path: "note", message: "Укажите причину отказа / A rejection needs a reason" }]);
  const { app, edition, partnerName } = await appOf(db, appId);
  if (app.state !== "pending") throw already();
  // R1.5c: a terminated partner earns no more points; its open claims may still be refused.
  if (credit) await livePartner(db, app.partnerId);
  const points = credit ? pointsForPrice(edition.priceRub) : null;
  const now = clock.now();
  const to = await mainUserEmails(db, app.partnerId);
  const mail = decisionMail(
    await loadMails(db),
    { partnerName, title: app.title, storeUrl: app.storeUrl },
    {
      credit,
      points: points ?? 0,
      note,
    },
  );
  const statements = [
    db
      .update(s.mobileApps)
      .set({
        state: credit ? "credited" : "rejected",
        points,
        moderatorNote: note ?? null,
        decidedAt: now,
        decidedBy: moderatorId,
      })
      .where(and(eq(s.mobileApps.id, appId), eq(s.mobileApps.state, "pending")))
      .getSQL(),
    expectChanged(),
    db
      .insert(s.moderationLog)
      .values({
        actorUserId: moderatorId,
        at: now,
        action: credit ? "mobile_app.credit" : "mobile_app.reject",
        targetType: "mobile_app",
        targetId: appId,
        reason: credit ? `${app.storeUrl}: ${points} (R5.2)${note ? `: ${note}` : ""}` : note!,
      })
      .getSQL(),
    ...mailStatements(db, to, mail, now),
  ];
  try {
    if (credit && points! > 0)
      await recordAccrual(
        db,
        {
          partnerId: app.partnerId,
          day: moscowDay(now),
          points: points!,
          sourceType: "mobile_app",
          sourceId: appId,
        },
        { clock },
        statements,
      );
    else await runAtomically(db, statements);
  } catch (err) {
    // The guard after the compare-and-swap failed: another decision was written first (nothing of ours was).
    if (isRowMoved(err)) throw already();
    throw err;
  }
  return appView((await appOf(db, appId)).app, edition);
}
