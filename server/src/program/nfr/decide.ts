// R6.1b, R6.2: a moderator decides a pending NFR request. Approval changes the key's edition (downgrade) or
// issues the license on request (a new unique key, the licence year and the sales commitment, R6.2d). The
// decision, the log entry and the e-mail go in one write batch.

import { addYears, nfrSalesCommitmentRub } from "@partner-trust/rules";
import { and, eq, type SQL } from "drizzle-orm";
import { type Clock, moscowDay, moscowMidnight } from "../../clock.ts";
import { expectChanged, isRowMoved, isUniqueViolation, runAtomically } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import { editions, moderationLog, nfrLicenses, nfrRequests } from "../../db/schema/index.ts";
import { conflict, notFound } from "../../errors/index.ts";
import { mailStatements, mainUserEmails } from "../../mail/partner.ts";
import { loadMails } from "../mail-templates/store.ts";
import { newLicenseKey } from "../status/keys.ts";
import { requestDecidedMail } from "./mail.ts";

export async function decideNfrRequest(
  db: Db,
  input: { requestId: string; approve: boolean; reason: string; moderatorId: string },
  { clock }: { clock: Clock },
) {
  const [req] = await db.select().from(nfrRequests).where(eq(nfrRequests.id, input.requestId));
  if (!req) throw notFound("Нет такой заявки / No such NFR request.");
  if (req.state !== "pending")
    throw conflict(`Заявка уже рассмотрена (${req.state}) / The request was already decided.`);
  const now = clock.now();
  const today = moscowDay(now);
  const statements: SQL[] = [];
  let resultLicenseId: string | null = null;
  if (input.approve && req.kind === "downgrade") {
    resultLicenseId = req.licenseId;
    // Compare-and-swap: the key is still active, of the status kind and of the edition asked from.
    statements.push(
      db
        .update(nfrLicenses)
        .set({ editionCode: req.editionCode })
        .where(
          and(
            eq(nfrLicenses.id, req.licenseId ?? ""),
            eq(nfrLicenses.state, "active"),
            eq(nfrLicenses.kind, "status"),
            eq(nfrLicenses.editionCode, req.fromEditionCode ?? ""),
          ),
        )
        .getSQL(),
      expectChanged(),
    );
  } else if (input.approve) {
    const [edition] = await db.select().from(editions).where(eq(editions.code, req.editionCode));
    if (!edition)
      throw conflict("Редакции больше нет в каталоге / The edition is no longer in the catalogue.");
    resultLicenseId = crypto.randomUUID();
    const until = addYears(today, 1);
    statements.push(
      db
        .insert(nfrLicenses)
        .values({
          id: resultLicenseId,
          partnerId: req.partnerId,
          licenseKey: newLicenseKey(),
          kind: "request",
          editionCode: req.editionCode,
          siteHost: req.siteHost,
          state: "active",
          issuedAt: now,
          issuedOn: today,
          validFrom: today,
          validUntil: until,
          expiresAt: moscowMidnight(until),
          salesCommitmentRub: nfrSalesCommitmentRub(edition.priceRub), // R6.2d
          requestId: req.id,
          createdAt: now,
        })
        .getSQL(),
    );
  }
  statements.push(
    db
      .update(nfrRequests)
      .set({
        state: input.approve ? "approved" : "rejected",
        decidedBy: input.moderatorId,
        decidedAt: now,
        decisionNote: input.reason,
        resultLicenseId,
      })
      .where(and(eq(nfrRequests.id, req.id), eq(nfrRequests.state, "pending")))
      .getSQL(),
    expectChanged(),
    db
      .insert(moderationLog)
      .values({
        actorUserId: input.moderatorId,
        at: now,
        action: `nfr.${req.kind}.${input.approve ? "approve" : "reject"}`,
        targetType: "nfr_request",
        targetId: req.id,
        reason: input.reason,
      })
      .getSQL(),
    ...mailStatements(
      db,
      await mainUserEmails(db, req.partnerId),
      requestDecidedMail(
        await loadMails(db),
        req.kind,
        input.approve,
        input.reason,
        req.kind === "own_site"
          ? `${req.siteHost}, ${req.editionCode}`
          : `${req.fromEditionCode} → ${req.editionCode}`,
      ),
      now,
    ),
  );
  try {
    await runAtomically(db, statements);
  } catch (err) {
    if (isRowMoved(err))
      throw conflict(
        "Заявка или ключ изменились, решение не записано / The request or the key changed meanwhile: nothing written.",
      );
    // R6.2a: once per partner (the partial unique index).
    if (isUniqueViolation(err))
      throw conflict(
        "NFR по заявке уже выдавался этому партнёру (R6.2a) / This partner already had its NFR on request (R6.2a).",
      );
    throw err;
  }
  return {
    id: req.id,
    kind: req.kind,
    state: input.approve ? "approved" : "rejected",
    licenseId: resultLicenseId,
  };
}
