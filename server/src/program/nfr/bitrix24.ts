// R6.3a–b: Bitrix24 cloud NFR — any partner registers its portal by domain; it is switched to NFR ("Company"
// plan functions) at once, for a year (renewal: renewal.ts, R6.3c).

import { addYears } from "@partner-trust/rules";
import { and, eq, ne } from "drizzle-orm";
import { type Clock, moscowDay, moscowMidnight } from "../../clock.ts";
import { isUniqueViolation, runAtomically } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import { moderationLog, nfrLicenses, partners } from "../../db/schema/index.ts";
import { conflict, noSuchPartner, validationError } from "../../errors/index.ts";
import { mailStatements, mainUserEmails } from "../../mail/partner.ts";
import { loadMails } from "../mail-templates/store.ts";
import { newLicenseKey } from "../status/keys.ts";
import { bitrix24Mail } from "./mail.ts";

/** R6.3a decision: the "Company" plan. */
export const BITRIX24_NFR_EDITION = "bitrix24-company";

/** R6.3b: no custom domain — a portal lives on the cloud's own domain, `<name>.bitrix24.<zone>`. */
const PORTAL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.bitrix24\.[a-z]{2,6}$/;

export function normalisePortal(input: string): string | null {
  let host = input.trim().toLowerCase();
  try {
    host = new URL(/^https?:\/\//.test(host) ? host : `https://${host}`).hostname;
  } catch {
    return null;
  }
  return PORTAL.test(host) ? host : null;
}

/** R6.3a: the license row of a portal switched to NFR at `now`: the "Company" plan, for a year. */
export function bitrix24License(partnerId: string, portal: string, now: Date) {
  const today = moscowDay(now);
  const until = addYears(today, 1);
  return {
    id: crypto.randomUUID(),
    partnerId,
    licenseKey: newLicenseKey(),
    kind: "bitrix24" as const,
    editionCode: BITRIX24_NFR_EDITION,
    portalDomain: portal,
    plan: "company" as const,
    state: "active" as const,
    issuedAt: now,
    issuedOn: today,
    validFrom: today,
    validUntil: until,
    expiresAt: moscowMidnight(until),
    createdAt: now,
  } satisfies typeof nfrLicenses.$inferInsert;
}

export async function registerBitrix24Nfr(
  db: Db,
  input: { partnerId: string; portalDomain: string; userId: string },
  { clock }: { clock: Clock },
) {
  const portal = normalisePortal(input.portalDomain);
  if (!portal) {
    throw validationError([
      {
        path: "portalDomain",
        message:
          "Адрес портала Битрикс24 вида company.bitrix24.ru (свой домен не поддерживается, R6.3b) / A Bitrix24 portal address like company.bitrix24.ru (no custom domain, R6.3b)",
      },
    ]);
  }
  const [partner] = await db
    .select({ status: partners.status })
    .from(partners)
    .where(eq(partners.id, input.partnerId));
  if (!partner) throw noSuchPartner();
  if (partner.status === "none")
    throw conflict("Партнёрство прекращено (R1.5c) / The partnership has ended (R1.5c).");
  const [held] = await db
    .select({ id: nfrLicenses.id, state: nfrLicenses.state })
    .from(nfrLicenses)
    .where(
      and(
        eq(nfrLicenses.partnerId, input.partnerId),
        eq(nfrLicenses.kind, "bitrix24"),
        ne(nfrLicenses.state, "revoked"),
      ),
    );
  if (held) {
    throw conflict(
      held.state === "active"
        ? "У партнёра уже есть NFR Битрикс24 / The partner already has a Bitrix24 NFR."
        : "NFR Битрикс24 не продлён (R6.3c): повторно не выдаётся / The Bitrix24 NFR was not renewed (R6.3c): not issued again.",
    );
  }
  const now = clock.now();
  const license = bitrix24License(input.partnerId, portal, now);
  const { id, validFrom: today, validUntil: until } = license;
  try {
    await runAtomically(db, [
      db.insert(nfrLicenses).values(license).getSQL(),
      db
        .insert(moderationLog)
        .values({
          actorUserId: input.userId,
          at: now,
          action: "nfr.bitrix24.register",
          targetType: "nfr_license",
          targetId: id,
          reason: `portal ${portal} (R6.3a)`,
        })
        .getSQL(),
      ...mailStatements(
        db,
        await mainUserEmails(db, input.partnerId),
        bitrix24Mail(await loadMails(db), portal),
        now,
      ),
    ]);
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict("Этот портал уже переведён на NFR / This portal is already on an NFR license.");
    throw err;
  }
  return { id, portalDomain: portal, plan: "company" as const, validFrom: today, validUntil: until };
}
