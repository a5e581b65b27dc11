// W1: a partner's registered domains — add (normalised, A4 trademark check), verify by DNS TXT or file, remove.
import { randomBytes } from "node:crypto";
import { Resolver } from "node:dns/promises";
import { domainToASCII } from "node:url";
import { trademarkInDomain } from "@partner-trust/audit";
import { safeFetch } from "@partner-trust/audit/node";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { moderationLog, registeredDomains } from "../../db/schema/index.ts";
import { conflict, notFound, validationError } from "../../errors/index.ts";
import { partnerChanged } from "../status/events.ts";

export type Domain = typeof registeredDomains.$inferSelect;
export const TXT_PREFIX = "partner-trust-verification=";
export const SYSTEM_ACTOR = "system:domains";

/** Lower-case, punycode (`domainToASCII`), no `www.`, no port or trailing dot; null when not a host name. */
export function normaliseDomain(input: string): string | null {
  let host = input.trim();
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `http://${host}`).hostname;
  } catch {
    return null;
  }
  host = domainToASCII(host.replace(/\.$/, ""))
    .toLowerCase()
    .replace(/^www\./, "");
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(
    host,
  )
    ? host
    : null;
}

export function methodsFor(host: string, token: string) {
  return {
    dns: { type: "TXT", name: host, value: `${TXT_PREFIX}${token}` },
    file: { url: `https://${host}/.well-known/partner-trust.txt`, content: token },
  };
}

/** R1.6b, A4: the trademark check; a violation is logged for moderators with the evidence. */
export function trademarkFlag(partnerId: string, host: string, at: Date) {
  const mark = trademarkInDomain(host);
  if (!mark) return null;
  return {
    actorUserId: SYSTEM_ACTOR,
    at,
    action: "domain.trademark",
    targetType: "partner",
    targetId: partnerId,
    reason: `A4 (R1.6b): "${host}" contains the trademark "${mark}"`,
  };
}

export async function addDomain(db: Db, partnerId: string, input: string, by: { userId: string; now: Date }) {
  const host = normaliseDomain(input);
  if (!host) throw validationError([{ path: "host", message: "Not a domain name." }]);
  const [existing] = await db
    .select()
    .from(registeredDomains)
    .where(and(eq(registeredDomains.partnerId, partnerId), eq(registeredDomains.host, host)));
  if (existing && !existing.removedAt) throw conflict(`${host} is registered already.`);
  const token = randomBytes(16).toString("hex");
  const flag = trademarkFlag(partnerId, host, by.now);
  // A removed domain added again is the same row, revived with a new token (pending again).
  const insert = existing
    ? db
        .update(registeredDomains)
        .set({ verification: "pending", verificationToken: token, verifiedAt: null, removedAt: null })
        .where(eq(registeredDomains.id, existing.id))
        .returning()
    : db.insert(registeredDomains).values({ partnerId, host, verificationToken: token }).returning();
  const [inserted] = flag
    ? (await db.batch([insert, db.insert(moderationLog).values(flag)]))[0]
    : await insert;
  return { domain: inserted!, trademark: flag ? flag.reason : null };
}

/** What verification reaches the network with: injectable (AppDeps.domainVerification), the real ones by default. */
export type VerifyDeps = {
  /** DNS TXT lookup; default: node:dns/promises. */
  resolveTxt?: (host: string) => Promise<string[][]>;
  /** GET of the verification file; default: the audit package's guarded fetcher (no private addresses). */
  fetchFile?: (url: string) => Promise<{ status: number; body: Uint8Array }>;
};

export const realVerifyDeps: Required<VerifyDeps> = {
  resolveTxt: (host) => new Resolver({ timeout: 5_000, tries: 2 }).resolveTxt(host),
  fetchFile: (url) => safeFetch(url, { timeoutMs: 10_000, maxRedirects: 2 }),
};

/** Checks DNS TXT first, then the file; the first that carries the token verifies the domain. */
/** The partner's domain by host, unless removed. */
async function liveDomain(db: Db, partnerId: string, host: string): Promise<Domain> {
  const [domain] = await db
    .select()
    .from(registeredDomains)
    .where(
      and(
        eq(registeredDomains.partnerId, partnerId),
        eq(registeredDomains.host, host),
        isNull(registeredDomains.removedAt),
      ),
    );
  if (!domain) throw notFound("No such registered domain.");
  return domain;
}

export async function verifyDomain(db: Db, partnerId: string, host: string, deps: VerifyDeps, now: Date) {
  const domain = await liveDomain(db, partnerId, host);
  const token = domain.verificationToken ?? "";
  const reasons: string[] = [];
  let method: "dns" | "file" | null = null;
  try {
    const records = await (deps.resolveTxt ?? realVerifyDeps.resolveTxt)(host);
    if (records.some((r) => r.join("") === `${TXT_PREFIX}${token}`)) method = "dns";
    else reasons.push(`dns: no TXT record "${TXT_PREFIX}${token}" at ${host}`);
  } catch (err) {
    reasons.push(`dns: ${(err as Error).message}`);
  }
  if (!method) {
    const url = `https://${host}/.well-known/partner-trust.txt`;
    try {
      const res = await (deps.fetchFile ?? realVerifyDeps.fetchFile)(url);
      const text = new TextDecoder().decode(res.body).trim();
      if (res.status === 200 && text.split(/\s+/).includes(token)) method = "file";
      else reasons.push(`file: ${url} answered ${res.status} without the token`);
    } catch (err) {
      reasons.push(`file: ${(err as Error).message}`);
    }
  }
  const verified = method !== null;
  await db
    .update(registeredDomains)
    .set(verified ? { verification: "verified", verifiedAt: now } : { verification: "failed" })
    .where(eq(registeredDomains.id, domain.id));
  if (verified || domain.verification === "verified") partnerChanged(db, [partnerId]);
  return { host, verification: verified ? "verified" : "failed", method, reasons: verified ? [] : reasons };
}

export async function removeDomain(
  db: Db,
  partnerId: string,
  host: string,
  by: { userId: string; now: Date },
) {
  const domain = await liveDomain(db, partnerId, host);
  // Nothing is deleted: the row stays, failed (no badge binds to it, W1) and marked removed.
  await db.batch([
    db
      .update(registeredDomains)
      .set({ removedAt: by.now, verification: "failed" })
      .where(eq(registeredDomains.id, domain.id)),
    db.insert(moderationLog).values({
      actorUserId: by.userId,
      at: by.now,
      action: "domain.remove",
      targetType: "partner",
      targetId: partnerId,
      reason: host,
    }),
  ]);
  partnerChanged(db, [partnerId]);
}
