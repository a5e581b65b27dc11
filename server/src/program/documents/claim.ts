// R2.5: what a document shows — the partner's live status claim (the one the badge signs and the verification
// page shows) and, for the letter, the contract date and the editions. Its hash keys the cache and is the ETag:
// a status change (status, since, until) gives a new document.
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { moscowDay } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import type { BadgeService } from "../badges/service.ts";

export type DocumentClaim = {
  id: string;
  name: string;
  status: s.PartnerStatus;
  since: string | null;
  until: string | null;
  verifyUrl: string;
};

export type LetterFacts = { contractOn: string; editions: string[] };

export async function documentClaim(badges: BadgeService, partnerId: string): Promise<DocumentClaim | null> {
  const signed = await badges.status(partnerId);
  if (!signed) return null;
  const { id, name, status, since, until, verifyUrl } = signed.claim;
  return { id, name, status, since, until, verifyUrl };
}

/** The contract's Moscow day (electronic, R1.2c; else the paper one, R1.3) and the editions sold; null: no contract. */
export async function letterFacts(db: Db, partnerId: string): Promise<LetterFacts | null> {
  const [row] = await db
    .select({ contractAt: s.partners.contractAt, paperContractAt: s.partners.paperContractAt })
    .from(s.partners)
    .where(eq(s.partners.id, partnerId));
  const signed = row?.contractAt ?? row?.paperContractAt;
  if (!signed) return null;
  const editions = await db
    .select({ title: s.editions.title })
    .from(s.editions)
    .where(eq(s.editions.product, "site_management"))
    .orderBy(asc(s.editions.rank));
  return { contractOn: moscowDay(signed), editions: editions.map((e) => e.title) };
}

export function documentKey(kind: string, claim: DocumentClaim, extra?: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify([kind, claim, extra ?? null]))
    .digest("base64url")
    .slice(0, 32);
}
