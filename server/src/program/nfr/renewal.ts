// R6.2d, R6.3c: at the end of each licence year the daily job decides the renewal of the NFR on request
// (sales ≥ twice the edition's price) and of the Bitrix24 NFR (≥ 25,000 RUB, else the free "Project" plan;
// lost on termination) with the engine, from the year's purchases. Idempotent: each license-year is decided
// once (compare-and-swap on its valid_until), with its nfr_renewals row, a log entry and the partner's e-mail.

import {
  addYears,
  BITRIX24_NFR_MIN_SALES_RUB,
  bitrix24NfrRenewal,
  type CivilDate,
  nfrRequestRenewal,
  nfrSalesCommitmentRub,
} from "@partner-trust/rules";
import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { moscowMidnight } from "../../clock.ts";
import { expectChanged, isRowMoved, runAtomically } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import { editions, moderationLog, nfrLicenses, nfrRenewals, partners } from "../../db/schema/index.ts";
import { mailStatements, mainUserEmails } from "../../mail/partner.ts";
import { loadMails } from "../mail-templates/store.ts";
import { renewalMail } from "./mail.ts";
import { salesRub } from "./sales.ts";

/** The log's actor for the daily decisions (not a user). */
export const RENEWAL_ACTOR = "system:nfr-renewal";

export type RenewalSummary = { decided: number; renewed: number; ended: number };

export async function decideNfrRenewals(
  db: Db,
  on: CivilDate,
  { now }: { now: Date },
): Promise<RenewalSummary> {
  const due = await db
    .select({ l: nfrLicenses, terminatedAt: partners.terminatedAt })
    .from(nfrLicenses)
    .innerJoin(partners, eq(partners.id, nfrLicenses.partnerId))
    .where(
      and(
        inArray(nfrLicenses.kind, ["request", "bitrix24"]),
        eq(nfrLicenses.state, "active"),
        isNotNull(nfrLicenses.validFrom),
        isNotNull(nfrLicenses.validUntil),
        lte(nfrLicenses.validUntil, on),
      ),
    );
  const summary: RenewalSummary = { decided: 0, renewed: 0, ended: 0 };
  const mails = await loadMails(db);
  const prices = new Map((await db.select().from(editions)).map((e) => [e.code, e.priceRub]));
  for (const { l, terminatedAt } of due) {
    const from = l.validFrom!;
    const until = l.validUntil!;
    const sales = await salesRub(db, l.partnerId, from, until);
    let outcome: "renewed" | "lapsed" | "project-plan" | "lost";
    let threshold: number;
    if (l.kind === "request") {
      // R6.2d: the commitment made on taking it, not one from a later catalogue price.
      threshold = l.salesCommitmentRub ?? nfrSalesCommitmentRub(prices.get(l.editionCode) ?? 0);
      outcome = nfrRequestRenewal(sales, threshold);
    } else {
      threshold = BITRIX24_NFR_MIN_SALES_RUB;
      outcome = bitrix24NfrRenewal(sales, terminatedAt !== null && terminatedAt.getTime() <= now.getTime());
    }
    const next = addYears(until, 1);
    const change =
      outcome === "renewed"
        ? { validFrom: until, validUntil: next, expiresAt: moscowMidnight(next) }
        : outcome === "project-plan"
          ? {
              state: "lapsed" as const,
              plan: "project" as const,
              revokedAt: now,
              revokeReason: `R6.3c: sales ${sales} < ${threshold} RUB`,
            }
          : outcome === "lapsed"
            ? {
                state: "lapsed" as const,
                revokedAt: now,
                revokeReason: `R6.2d: sales ${sales} < ${threshold} RUB`,
              }
            : { state: "revoked" as const, revokedAt: now, revokeReason: "R6.3c: partnership terminated" };
    const what =
      l.kind === "request" ? `${l.siteHost ?? "own site"}, ${l.editionCode}` : `Битрикс24 ${l.portalDomain}`;
    try {
      await runAtomically(db, [
        db
          .update(nfrLicenses)
          .set(change)
          .where(
            and(eq(nfrLicenses.id, l.id), eq(nfrLicenses.state, "active"), eq(nfrLicenses.validUntil, until)),
          )
          .getSQL(),
        expectChanged(),
        db
          .insert(nfrRenewals)
          .values({
            licenseId: l.id,
            partnerId: l.partnerId,
            periodFrom: from,
            periodUntil: until,
            salesRub: sales,
            thresholdRub: threshold,
            outcome,
            decidedAt: now,
          })
          .getSQL(),
        db
          .insert(moderationLog)
          .values({
            actorUserId: RENEWAL_ACTOR,
            at: now,
            action: `nfr.renewal.${outcome}`,
            targetType: "nfr_license",
            targetId: l.id,
            reason: `${from} … ${until}: sales ${sales} RUB, required ${threshold} RUB`,
          })
          .getSQL(),
        ...mailStatements(
          db,
          await mainUserEmails(db, l.partnerId),
          renewalMail(mails, what, outcome, sales, threshold),
          now,
        ),
      ]);
    } catch (err) {
      if (isRowMoved(err)) continue; // another runner decided this year meanwhile
      throw err;
    }
    summary.decided++;
    if (outcome === "renewed") summary.renewed++;
    else summary.ended++;
  }
  return summary;
}
