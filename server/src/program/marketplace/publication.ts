// R5.2: main points for publishing a partner's own module in Marketplace — round-half-up(end-user price / 1000),
// from the engine (pointsForPrice). Decisions (no rule says otherwise): the marketplace group claims it with the
// module's Marketplace page and price, a moderator checks the page (the evidence) and credits or rejects it; no
// deadline in the rules, so the queue shows age but flags nothing overdue; a rejected claim may be made again; a
// credited module is credited once. The decision, its moderation_log entry, the e-mail and the accrual (with the
// status it may change, R2.5) are one write batch, guarded on the claim still pending: of two moderators at once
// one wins, the other gets a 409 and nothing of theirs is written.
import { pointsForPrice } from "@partner-trust/rules";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Clock } from "../../clock.ts";
import { moscowDay } from "../../clock.ts";
import { expectChanged, isRowMoved, runAtomically, writeOrConflict } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { conflict, notFound, validationError } from "../../errors/index.ts";
import { mailStatements, mainUserEmails } from "../../mail/partner.ts";
import { partnerOf } from "../employees/links.ts";
import { loadMails } from "../mail-templates/store.ts";
import { recordAccrual } from "../status/apply.ts";
import { publicationMail } from "./mail.ts";
import { type ModuleView, moduleOf } from "./modules.ts";

type By = { userId: string; now: Date };
const m = s.marketplaceModules;

async function livePartner(db: Db, partnerId: string) {
  const partner = await partnerOf(db, partnerId);
  // R1.5c: a terminated partner earns no more points.
  if (partner.status === "none") throw conflict("Партнёрство прекращено. / The partnership has ended.");
  return partner;
}

/** Whether the module may be claimed now: never claimed, or rejected (pending and credited ones may not). */
export const claimable = (module: Pick<ModuleView, "publication">) =>
  module.publication === "unsubmitted" || module.publication === "rejected";

export async function claimPublication(
  db: Db,
  partnerId: string,
  moduleId: string,
  input: { marketplaceUrl: string; priceRub: number },
  by: By,
): Promise<ModuleView> {
  const module = await moduleOf(db, partnerId, moduleId);
  const taken = `Публикация модуля ${module.code} уже ${module.publication === "credited" ? "засчитана" : "на проверке"}. / The publication of ${module.code} is already ${module.publication}.`;
  if (!claimable(module)) throw conflict(taken);
  await livePartner(db, partnerId);
  await writeOrConflict(
    db,
    [
      db
        .update(m)
        .set({
          publication: "pending",
          ...input,
          publicationSubmittedAt: by.now,
          publicationSubmittedBy: by.userId,
          publicationDecidedAt: null,
          publicationDecidedBy: null,
          publicationNote: null,
        })
        .where(
          and(
            eq(m.id, moduleId),
            eq(m.partnerId, partnerId),
            inArray(m.publication, ["unsubmitted", "rejected"]),
          ),
        )
        .getSQL(),
      expectChanged(),
    ],
    taken,
  );
  return moduleOf(db, partnerId, moduleId);
}

/** R5.2: pending claims, oldest first, with the points each would give. */
export async function pendingPublications(db: Db) {
  const rows = await db
    .select({ module: m, partnerName: s.partners.name })
    .from(m)
    .innerJoin(s.partners, eq(s.partners.id, m.partnerId))
    .where(eq(m.publication, "pending"))
    .orderBy(asc(m.publicationSubmittedAt), asc(m.code));
  return rows.map(({ module, partnerName }) => ({
    id: module.id,
    code: module.code,
    title: module.title,
    partnerId: module.partnerId,
    partnerName,
    marketplaceUrl: module.marketplaceUrl!,
    priceRub: module.priceRub!,
    points: pointsForPrice(module.priceRub!),
    submittedAt: module.publicationSubmittedAt!,
  }));
}
export type PendingPublication = Awaited<ReturnType<typeof pendingPublications>>[number];

export async function decidePublication(
  db: Db,
  input: { moduleId: string; moderatorId: string; credit: boolean; note?: string | undefined },
  { clock }: { clock: Clock },
) {
  const { moduleId, moderatorId, credit, note } = input;
  if (!credit && !note)
    throw validationError([{ path: "note", message: "Укажите причину отказа / A refusal needs a note" }]);
  const [module] = await db.select().from(m).where(eq(m.id, moduleId));
  if (!module) throw notFound("Модуль не найден. / No such module.");
  const already = () =>
    conflict("Заявки на проверке нет: уже рассмотрена? / No pending claim: already decided?");
  if (module.publication !== "pending") throw already();
  const partner = credit ? await livePartner(db, module.partnerId) : await partnerOf(db, module.partnerId);
  const points = credit ? pointsForPrice(module.priceRub ?? 0) : null;
  const now = clock.now();
  const mail = publicationMail(await loadMails(db), partner.name, module, {
    credit,
    points: points ?? 0,
    note,
  });
  const statements = [
    db
      .update(m)
      .set({
        publication: credit ? "credited" : "rejected",
        points,
        publicationDecidedAt: now,
        publicationDecidedBy: moderatorId,
        publicationNote: note ?? null,
      })
      .where(and(eq(m.id, moduleId), eq(m.publication, "pending")))
      .getSQL(),
    // The claim moved on meanwhile (another moderator): the whole batch, accrual included, fails.
    expectChanged(),
    db
      .insert(s.moderationLog)
      .values({
        actorUserId: moderatorId,
        at: now,
        action: credit ? "marketplace_publication.credit" : "marketplace_publication.reject",
        targetType: "marketplace_module",
        targetId: moduleId,
        reason: credit ? `${points}${note ? `: ${note}` : ""}` : note!,
      })
      .getSQL(),
    ...mailStatements(db, await mainUserEmails(db, partner.id), mail, now),
  ];
  try {
    if (points) {
      // R5.2, R2.5: through the one way points change, with the status applied in the same batch.
      await recordAccrual(
        db,
        { partnerId: partner.id, day: moscowDay(now), points, sourceType: "marketplace", sourceId: moduleId },
        { clock },
        statements,
      );
    } else {
      await runAtomically(db, statements);
    }
  } catch (err) {
    if (isRowMoved(err)) throw already();
    throw err;
  }
  return moduleOf(db, module.partnerId, moduleId);
}
