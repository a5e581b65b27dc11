// R1.4a–c: card versions — an edit is a PENDING version; approval supersedes the last approved one (never deleted).

import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../../db/client.ts";
import { cardVersions, moderationLog, partners } from "../../db/schema/index.ts";
import { AppError, conflict, notFound } from "../../errors/index.ts";
import { registerBitrix24Nfr } from "../nfr/bitrix24.ts";
import { partnerChanged } from "../status/events.ts";

export type CardVersion = typeof cardVersions.$inferSelect;

/** The fields of a version (R1.4a, R6.3a, R7.1a); the logo comes through its own upload. */
export const cardFields = [
  "name",
  "description",
  "logoId",
  "phones",
  "emails",
  "addresses",
  "website",
  "bitrix24Portal",
  "leadsEmail",
  "city",
  "publishOnSite",
] as const;
export type CardField = (typeof cardFields)[number];
type CardValues = Pick<CardVersion, CardField>;
/** What a partner's card edit sets: every field but the logo, which the edit keeps. */
export type CardInput = Omit<
  CardValues,
  "logoId" | "description" | "website" | "bitrix24Portal" | "leadsEmail"
> & {
  description?: string | null | undefined;
  website?: string | null | undefined;
  bitrix24Portal?: string | null | undefined;
  leadsEmail?: string | null | undefined;
};

/**
 * The lists of a version; a row from before the lists (or written since by code that still sets the old
 * single columns) reads as a one-item list until start-up moves it (migrate.ts).
 */
export function contactLists(
  card: Pick<CardVersion, "phones" | "emails" | "addresses" | "phone" | "email" | "address">,
) {
  const or = (list: string[] | null | undefined, single: string | null) =>
    list?.length ? list : single?.trim() ? [single.trim()] : [];
  return {
    phones: or(card.phones, card.phone),
    emails: or(card.emails, card.email),
    addresses: or(card.addresses, card.address),
  };
}

/** The version's values as the API and the diff show them (lists read through `contactLists`). */
export function cardValues(card: CardVersion): CardValues {
  const values = {} as Record<CardField, unknown>;
  for (const f of cardFields) values[f] = card[f];
  return { ...(values as CardValues), ...contactLists(card) };
}

/** R1.4a: publication needs "publish on site" and these fields (API names). */
const requiredForPublication = ["description", "logo", "phones", "addresses", "website"] as const;

export function publication(card: CardVersion): { publishable: boolean; missing: string[] } {
  const v = cardValues(card);
  const present = {
    description: !!v.description?.trim(),
    logo: !!v.logoId,
    phones: v.phones.length > 0,
    addresses: v.addresses.length > 0,
    website: !!v.website?.trim(),
  };
  const missing: string[] = requiredForPublication.filter((f) => !present[f]);
  if (!v.publishOnSite) missing.unshift("publishOnSite");
  return { publishable: missing.length === 0, missing };
}

export type FieldDiff = { field: CardField; old: unknown; new: unknown };

/** Field by field, old and new (lists compared as a whole, in order). */
export function diffCards(old: CardVersion | undefined, next: CardVersion): FieldDiff[] {
  const a = old ? cardValues(old) : undefined;
  const b = cardValues(next);
  const out: FieldDiff[] = [];
  for (const field of cardFields) {
    const x = a?.[field] ?? null;
    const y = b[field] ?? null;
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ field, old: x, new: y });
  }
  return out;
}

export async function cardVersionsOf(db: Db, partnerId: string): Promise<CardVersion[]> {
  return db
    .select()
    .from(cardVersions)
    .where(eq(cardVersions.partnerId, partnerId))
    .orderBy(asc(cardVersions.version));
}

export function latestIn(versions: CardVersion[], state: CardVersion["state"]): CardVersion | undefined {
  return versions.filter((v) => v.state === state).at(-1);
}

/** The version an edit starts from: the pending one if any (it is replaced), else the approved one. */
export const editBase = (versions: CardVersion[]) =>
  latestIn(versions, "pending") ?? latestIn(versions, "approved");

/**
 * A new pending version; an earlier pending one is replaced (superseded by the newer edit). `extra` writes
 * more rows in the same batch (the logo upload's blob).
 */
export async function submitCard(
  db: Db,
  partnerId: string,
  input: CardInput & { logoId?: string | null },
  by: { userId: string; now: Date },
  extra: BatchItem<"sqlite">[] = [],
): Promise<CardVersion> {
  const versions = await cardVersionsOf(db, partnerId);
  const version = (versions.at(-1)?.version ?? 0) + 1;
  const pendingIds = versions.filter((v) => v.state === "pending").map((v) => v.id);
  const values = {
    partnerId,
    version,
    state: "pending" as const,
    logoId: editBase(versions)?.logoId ?? null,
    ...input,
    submittedBy: by.userId,
    submittedAt: by.now,
  };
  const results = await db.batch([
    ...extra,
    db
      .update(cardVersions)
      .set({ state: "superseded", reviewNote: "replaced by a newer edit", reviewedAt: by.now })
      .where(inArray(cardVersions.id, pendingIds.length ? pendingIds : ["-"])),
    db.insert(cardVersions).values(values).returning(),
  ] as unknown as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return (results.at(-1) as CardVersion[])[0]!;
}

/** Moderator decision on a pending version; approval supersedes the approved one and refreshes the widgets. */
export async function decideCard(
  db: Db,
  versionId: string,
  decision: "approve" | "reject",
  by: { userId: string; now: Date; note?: string | undefined },
): Promise<CardVersion> {
  const [version] = await db.select().from(cardVersions).where(eq(cardVersions.id, versionId));
  if (!version) throw notFound("No such card version.");
  if (version.state !== "pending") throw conflict(`The version is ${version.state}, not pending.`);
  const reviewed = { reviewedBy: by.userId, reviewedAt: by.now, reviewNote: by.note ?? null };
  const log = db.insert(moderationLog).values({
    actorUserId: by.userId,
    at: by.now,
    action: decision === "approve" ? "card.approve" : "card.reject",
    targetType: "card_version",
    targetId: version.id,
    reason: by.note ?? null,
  });
  const onlyIfPending = and(eq(cardVersions.id, version.id), eq(cardVersions.state, "pending"));
  const approvedBefore = latestIn(await cardVersionsOf(db, version.partnerId), "approved");
  const portalChanged = (approvedBefore?.bitrix24Portal ?? null) !== (version.bitrix24Portal ?? null);
  if (decision === "reject") {
    const [, updated] = await db.batch([
      log,
      db
        .update(cardVersions)
        .set({ state: "rejected", ...reviewed })
        .where(onlyIfPending)
        .returning(),
    ]);
    if (!updated[0]) throw conflict("The version was decided meanwhile.");
    return updated[0];
  }
  const [, , updated] = await db.batch([
    log,
    db
      .update(cardVersions)
      .set({ state: "superseded" })
      .where(and(eq(cardVersions.partnerId, version.partnerId), eq(cardVersions.state, "approved"))),
    db
      .update(cardVersions)
      .set({ state: "approved", ...reviewed })
      .where(onlyIfPending)
      .returning(),
    // R6.3a: an approved change of the portal becomes the partner's portal (what the Bitrix24 NFR reads);
    // other approvals leave it as it is.
    db
      .update(partners)
      .set({ bitrix24Portal: version.bitrix24Portal })
      .where(and(eq(partners.id, version.partnerId), portalChanged ? undefined : sql`0`)),
  ]);
  if (!updated[0]) throw conflict("The version was decided meanwhile.");
  partnerChanged(db, [version.partnerId]);
  if (portalChanged && version.bitrix24Portal)
    await switchPortalToNfr(db, version.partnerId, version.bitrix24Portal, by);
  return updated[0];
}

/**
 * R6.3a: "enters its domain in the card field; the portal is switched to NFR automatically" — on approval of the
 * portal, unless the partner already holds a Bitrix24 NFR (or lost it, R6.3c) or the portal is on one: those
 * refusals (409) leave the card approved and the NFR as it is. Any other failure is the caller's (the approval is
 * written; the partner can still switch the portal from the NFR section).
 */
async function switchPortalToNfr(
  db: Db,
  partnerId: string,
  portal: string,
  by: { userId: string; now: Date },
) {
  try {
    await registerBitrix24Nfr(
      db,
      { partnerId, portalDomain: portal, userId: by.userId },
      { clock: { now: () => by.now } },
    );
  } catch (err) {
    if (!(err instanceof AppError && err.kind === "conflict")) throw err;
  }
}

/** The moderation queue: pending versions with their diff against the approved one. */
export async function pendingQueue(db: Db) {
  const pending = await db
    .select()
    .from(cardVersions)
    .where(eq(cardVersions.state, "pending"))
    .orderBy(asc(cardVersions.submittedAt));
  const ids = [...new Set(pending.map((p) => p.partnerId))];
  const approved = ids.length
    ? await db
        .select()
        .from(cardVersions)
        .where(and(inArray(cardVersions.partnerId, ids), eq(cardVersions.state, "approved")))
        .orderBy(desc(cardVersions.version))
    : [];
  return pending.map((p) => {
    const base = approved.find((a) => a.partnerId === p.partnerId);
    return { version: p, approvedVersionId: base?.id ?? null, diff: diffCards(base, p) };
  });
}
