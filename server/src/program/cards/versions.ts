// R1.4a–c: card versions — an edit is a PENDING version; approval supersedes the last approved one (never deleted).
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { cardVersions, moderationLog } from "../../db/schema/index.ts";
import { conflict, notFound } from "../../errors/index.ts";
import { partnerChanged } from "../status/events.ts";

export type CardVersion = typeof cardVersions.$inferSelect;

/** The fields a partner edits (R1.4a). */
export const cardFields = [
  "name",
  "description",
  "logoUrl",
  "phone",
  "email",
  "leadsEmail",
  "address",
  "city",
  "website",
  "publishOnSite",
] as const;
export type CardField = (typeof cardFields)[number];
export type CardInput = { [K in CardField]?: CardVersion[K] } & { name: string; city: string };

/** R1.4a: publication needs "publish on site" and these fields. */
const requiredForPublication = ["description", "logoUrl", "phone", "address", "website"] as const;

export function publication(card: Pick<CardVersion, CardField>): { publishable: boolean; missing: string[] } {
  const missing: string[] = requiredForPublication.filter((f) => !card[f]?.trim());
  if (!card.publishOnSite) missing.unshift("publishOnSite");
  return { publishable: missing.length === 0, missing };
}

export type FieldDiff = { field: CardField; old: unknown; new: unknown };

export function diffCards(old: Pick<CardVersion, CardField> | undefined, next: Pick<CardVersion, CardField>) {
  const out: FieldDiff[] = [];
  for (const field of cardFields) {
    const a = old?.[field] ?? null;
    const b = next[field] ?? null;
    if (a !== b) out.push({ field, old: a, new: b });
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

/** A new pending version; an earlier pending one is replaced (rejected as superseded by the newer edit). */
export async function submitCard(
  db: Db,
  partnerId: string,
  input: CardInput,
  by: { userId: string; now: Date },
): Promise<CardVersion> {
  const versions = await cardVersionsOf(db, partnerId);
  const version = (versions.at(-1)?.version ?? 0) + 1;
  const pendingIds = versions.filter((v) => v.state === "pending").map((v) => v.id);
  const values = {
    partnerId,
    version,
    state: "pending" as const,
    ...input,
    submittedBy: by.userId,
    submittedAt: by.now,
  };
  const [, inserted] = await db.batch([
    db
      .update(cardVersions)
      .set({ state: "superseded", reviewNote: "replaced by a newer edit", reviewedAt: by.now })
      .where(inArray(cardVersions.id, pendingIds.length ? pendingIds : ["-"])),
    db.insert(cardVersions).values(values).returning(),
  ]);
  return inserted[0]!;
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
  ]);
  if (!updated[0]) throw conflict("The version was decided meanwhile.");
  partnerChanged(db, [version.partnerId]);
  return updated[0];
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
