// R6: what the partner's NFR page and the moderators' queue read. License keys appear ONLY in partnerNfr, which
// the route serves to the partner's main and full users (R4E, issue 6: "never shown to anyone else").
import { asc, desc, eq } from "drizzle-orm";
import { addDays } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { nfrLicenses, nfrRenewals, nfrRequests, partners } from "../../db/schema/index.ts";
import { salesRub } from "./sales.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;

type RequestRow = typeof nfrRequests.$inferSelect;

/** A request as both sides see it (no key in it). */
export const requestView = (r: RequestRow) => ({
  id: r.id,
  partnerId: r.partnerId,
  kind: r.kind,
  state: r.state,
  editionCode: r.editionCode,
  licenseId: r.licenseId,
  fromEditionCode: r.fromEditionCode,
  siteUrl: r.siteUrl,
  siteHost: r.siteHost,
  eligibility: r.eligibility,
  auditReportId: r.auditReportId,
  requestedAt: r.requestedAt.toISOString(),
  decidedAt: iso(r.decidedAt),
  decisionNote: r.decisionNote,
  resultLicenseId: r.resultLicenseId,
});

export async function partnerNfr(db: Db, partnerId: string, today: string) {
  const licenses = await db
    .select()
    .from(nfrLicenses)
    .where(eq(nfrLicenses.partnerId, partnerId))
    .orderBy(asc(nfrLicenses.kind), asc(nfrLicenses.createdAt));
  const renewals = await db.select().from(nfrRenewals).where(eq(nfrRenewals.partnerId, partnerId));
  const requests = await db
    .select()
    .from(nfrRequests)
    .where(eq(nfrRequests.partnerId, partnerId))
    .orderBy(desc(nfrRequests.requestedAt));
  const items = [];
  for (const l of licenses) {
    // R6.2d, R6.3c: the sales of the current licence year so far, against what renewal needs.
    const year =
      l.state === "active" && l.validFrom && l.validUntil && l.kind !== "status"
        ? {
            from: l.validFrom,
            until: l.validUntil,
            salesRub: await salesRub(
              db,
              partnerId,
              l.validFrom,
              today < l.validUntil ? addDays(today, 1) : l.validUntil,
            ),
          }
        : null;
    items.push({
      id: l.id,
      kind: l.kind,
      licenseKey: l.licenseKey,
      editionCode: l.editionCode,
      state: l.state,
      siteHost: l.siteHost,
      portalDomain: l.portalDomain,
      plan: l.plan,
      issuedOn: l.issuedOn,
      validFrom: l.validFrom,
      validUntil: l.validUntil,
      salesCommitmentRub: l.salesCommitmentRub,
      currentYear: year,
      revokedAt: iso(l.revokedAt),
      revokeReason: l.revokeReason,
      renewals: renewals
        .filter((r) => r.licenseId === l.id)
        .map((r) => ({
          periodFrom: r.periodFrom,
          periodUntil: r.periodUntil,
          salesRub: r.salesRub,
          thresholdRub: r.thresholdRub,
          outcome: r.outcome,
        })),
    });
  }
  return { licenses: items, requests: requests.map(requestView) };
}

/** The moderators' queue: requests in `state` (pending by default), oldest first, with the partner's name. */
export async function moderationRequests(db: Db, state: RequestRow["state"] = "pending") {
  const rows = await db
    .select({ r: nfrRequests, partnerName: partners.name, partnerStatus: partners.status })
    .from(nfrRequests)
    .innerJoin(partners, eq(partners.id, nfrRequests.partnerId))
    .where(eq(nfrRequests.state, state))
    .orderBy(asc(nfrRequests.requestedAt));
  return rows.map(({ r, partnerName, partnerStatus }) => ({ ...requestView(r), partnerName, partnerStatus }));
}
