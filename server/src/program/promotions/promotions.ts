// R7.2: promotions — submitted by Certified and Gold partners (the engine's `promotionsAllowed`), moderated
// (logged, the submitter e-mailed), listed publicly while in their period (≤ six months), newest added first.
import { type CivilDate, promotionsAllowed } from "@partner-trust/rules";
import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import { type Clock, moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { moderationLog, partners, promotions, user } from "../../db/schema/index.ts";
import { conflict, forbidden, noSuchPartner, notFound, validationError } from "../../errors/index.ts";
import { mailStatement } from "../../mail/partner.ts";
import { loadMails } from "../mail-templates/store.ts";
import { promotionDecisionMail } from "./mail.ts";
import { shownUntil } from "./period.ts";

export type Promotion = typeof promotions.$inferSelect;
export type PromotionInput = { title: string; body: string; startsOn: string; endsOn: string };

export const promotionView = (p: Promotion) => ({
  id: p.id,
  partnerId: p.partnerId,
  title: p.title,
  body: p.body,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  shownUntil: shownUntil(p.startsOn as CivilDate, p.endsOn as CivilDate),
  state: p.state,
  moderatorNote: p.moderatorNote,
  addedAt: p.createdAt.toISOString(),
});

export async function submitPromotion(
  db: Db,
  partnerId: string,
  input: PromotionInput,
  userId: string,
  { clock }: { clock: Clock },
) {
  const [partner] = await db.select().from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw noSuchPartner();
  if (!promotionsAllowed(partner.status))
    throw forbidden(
      "Акции доступны только партнёрам со статусом Certified и Gold / Promotions are for Certified and Gold partners only.",
    );
  const now = clock.now();
  if (input.endsOn < input.startsOn)
    throw validationError([
      { path: "endsOn", message: "Окончание раньше начала / The end is before the start" },
    ]);
  if (input.endsOn < moscowDay(now))
    throw validationError([
      { path: "endsOn", message: "Акция уже закончилась / The promotion has already ended" },
    ]);
  const [row] = await db
    .insert(promotions)
    .values({ partnerId, ...input, state: "pending", submittedBy: userId, createdAt: now })
    .returning();
  return promotionView(row!);
}

export async function partnerPromotions(db: Db, partnerId: string) {
  const rows = await db
    .select()
    .from(promotions)
    .where(eq(promotions.partnerId, partnerId))
    .orderBy(desc(promotions.createdAt));
  return rows.map(promotionView);
}

export async function pendingPromotions(db: Db) {
  const rows = await db
    .select({ p: promotions, partnerName: partners.name, partnerStatus: partners.status })
    .from(promotions)
    .innerJoin(partners, eq(partners.id, promotions.partnerId))
    .where(eq(promotions.state, "pending"))
    .orderBy(asc(promotions.createdAt));
  return rows.map((r) => ({
    ...promotionView(r.p),
    partnerName: r.partnerName,
    partnerStatus: r.partnerStatus,
  }));
}

/** R7.2: approve or reject; the decision, its log entry and the submitter's e-mail in one write batch. */
export async function decidePromotion(
  db: Db,
  promotionId: string,
  d: { approve: boolean; reason: string | null; actorUserId: string },
  { clock }: { clock: Clock },
) {
  const [row] = await db
    .select({ p: promotions, email: user.email })
    .from(promotions)
    .leftJoin(user, eq(user.id, promotions.submittedBy))
    .where(eq(promotions.id, promotionId));
  if (!row) throw notFound("Акция не найдена / No such promotion.");
  if (row.p.state !== "pending") throw conflict("Акция уже рассмотрена / The promotion was already decided.");
  const now = clock.now();
  const state = d.approve ? ("approved" as const) : ("rejected" as const);
  const templates = await loadMails(db);
  const results = await db.batch([
    db
      .update(promotions)
      .set({ state, decidedBy: d.actorUserId, decidedAt: now, moderatorNote: d.reason })
      .where(and(eq(promotions.id, promotionId), eq(promotions.state, "pending"))),
    db.insert(moderationLog).values({
      actorUserId: d.actorUserId,
      at: now,
      action: d.approve ? "promotion.approve" : "promotion.reject",
      targetType: "promotion",
      targetId: promotionId,
      reason: d.reason,
    }),
    ...(row.email
      ? [
          db.run(
            mailStatement(
              db,
              row.email,
              promotionDecisionMail(templates, row.p.title, d.approve, d.reason),
              now,
            ),
          ),
        ]
      : []),
  ]);
  if ((results[0] as { rowsAffected: number }).rowsAffected !== 1)
    throw conflict("Акция уже рассмотрена / The promotion was already decided.");
  return { id: promotionId, state };
}

/**
 * R7.2: approved promotions in their period today (≤ six months), of partners still Certified or Gold —
 * the same rules for everyone — newest added first.
 */
export async function publicPromotions(db: Db, { clock }: { clock: Clock }) {
  const today = moscowDay(clock.now()) as CivilDate;
  const rows = await db
    .select({ p: promotions, partnerName: partners.name, partnerStatus: partners.status })
    .from(promotions)
    .innerJoin(partners, eq(partners.id, promotions.partnerId))
    .where(
      and(
        eq(promotions.state, "approved"),
        lte(promotions.startsOn, today),
        inArray(partners.status, ["certified", "gold"]),
      ),
    )
    .orderBy(desc(promotions.createdAt), asc(promotions.id));
  return rows
    .map((r) => ({ ...promotionView(r.p), partnerName: r.partnerName, partnerStatus: r.partnerStatus }))
    .filter((p) => promotionsAllowed(p.partnerStatus) && p.shownUntil >= today)
    .map(({ state: _state, moderatorNote: _note, ...rest }) => rest);
}
