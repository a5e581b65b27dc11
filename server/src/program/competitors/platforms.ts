// R7.1e, issue 10: the competing platforms list (table competing_platforms) — seeded once from the data module,
// then edited by admins: a platform added with its spellings, spellings changed, retired or restored (never
// deleted). Each change and its moderation_log entry are one write batch.
import { z } from "@hono/zod-openapi";
import { asc, count, eq, sql } from "drizzle-orm";
import type { Db, Writer } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { AppError, notFound } from "../../errors/index.ts";
import { competingPlatformSeed } from "../leads/competitors.ts";
import type { CompetitorEntry } from "../leads/competitors-match.ts";

export type By = { userId: string; now: Date };
export type Platform = typeof s.competingPlatforms.$inferSelect;

const fold = (x: string) => x.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");

/** A platform's name as people see it. */
export const PlatformNameSchema = z
  .string()
  .trim()
  .min(1, "Укажите название / Name the platform")
  .max(60, "Не длиннее 60 знаков / At most 60 characters");

/** Spellings: 1–40 of them, each with a letter or digit; kept lower-case, without repeats. */
export const SpellingsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, "Пустое написание / An empty spelling")
      .max(60, "Написание не длиннее 60 знаков / A spelling of at most 60 characters")
      .regex(/[\p{L}\p{N}]/u, "В написании нужна буква или цифра / A spelling needs a letter or digit"),
  )
  .min(1, "Нужно хотя бы одно написание / At least one spelling")
  .max(40, "Не больше 40 написаний / At most 40 spellings")
  .transform((list) => [...new Set(list.map(fold))]);

/** The spellings field of the admin form: one text, spellings separated by commas or new lines. */
export const spellingsText = (text: unknown) =>
  typeof text === "string"
    ? text
        .split(/[,\n]/)
        .map((x) => x.trim())
        .filter(Boolean)
    : text;

// Rows in insertion order: the order the list was written (and names are reported in).
const inserted = sql`rowid`;

/**
 * Fills the empty table from the data module (every start: boot). Never again once it has rows — retired
 * platforms stay — and two starts at once insert each name once (unique lower(name)).
 */
export async function seedCompetingPlatforms(db: Writer): Promise<void> {
  const [rows] = await db.select({ n: count() }).from(s.competingPlatforms);
  if (rows!.n > 0) return;
  await db
    .insert(s.competingPlatforms)
    .values(competingPlatformSeed.map((p) => ({ name: p.name, spellings: [...p.spellings] })))
    .onConflictDoNothing();
}

/** R7.1e: the platforms a proposal is checked against (active ones, list order). */
export async function activePlatforms(db: Writer): Promise<CompetitorEntry[]> {
  return db
    .select({ name: s.competingPlatforms.name, spellings: s.competingPlatforms.spellings })
    .from(s.competingPlatforms)
    .where(eq(s.competingPlatforms.active, true))
    .orderBy(asc(inserted));
}

/** Every platform, retired ones too, in list order. */
export async function allPlatforms(db: Db): Promise<Platform[]> {
  return db.select().from(s.competingPlatforms).orderBy(asc(inserted));
}

const log = (db: Db, by: By, action: string, targetId: string, reason: string) =>
  db.insert(s.moderationLog).values({
    actorUserId: by.userId,
    at: by.now,
    action,
    targetType: "competing_platform",
    targetId,
    reason,
  });

/** Adds a platform (active); 409 when one of that name exists, retired or not. */
export async function addPlatform(
  db: Db,
  input: { name: string; spellings: string[] },
  by: By,
): Promise<Platform> {
  const name = input.name.trim();
  const taken = (await allPlatforms(db)).find((p) => fold(p.name) === fold(name));
  if (taken) {
    const message =
      `Платформа «${taken.name}» уже есть в списке${taken.active ? "" : " (выведена — верните её)"} / ` +
      `“${taken.name}” is already listed${taken.active ? "" : " (retired — restore it)"}`;
    throw new AppError("conflict", message, [{ path: "name", message }]);
  }
  const row: Platform = {
    id: crypto.randomUUID(),
    name,
    spellings: input.spellings,
    active: true,
    createdAt: by.now,
    updatedAt: by.now,
  };
  await db.batch([
    db.insert(s.competingPlatforms).values(row),
    log(db, by, "competing_platform.add", row.id, `${name}: ${row.spellings.join(", ")}`),
  ]);
  return row;
}

/** Changes a platform's spellings and/or retires (`active: false`) or restores it; one log entry per change. */
export async function updatePlatform(
  db: Db,
  id: string,
  change: { spellings?: string[] | undefined; active?: boolean | undefined },
  by: By,
): Promise<Platform> {
  const [before] = await db.select().from(s.competingPlatforms).where(eq(s.competingPlatforms.id, id));
  if (!before) throw notFound("Нет такой платформы / No such platform.");
  const after: Platform = {
    ...before,
    ...(change.spellings && { spellings: change.spellings }),
    ...(change.active !== undefined && { active: change.active }),
    updatedAt: by.now,
  };
  const entries = [
    ...(change.spellings && change.spellings.join("\n") !== before.spellings.join("\n")
      ? [
          log(
            db,
            by,
            "competing_platform.spellings",
            id,
            `${before.spellings.join(", ")} → ${after.spellings.join(", ")}`,
          ),
        ]
      : []),
    ...(after.active !== before.active
      ? [
          log(
            db,
            by,
            after.active ? "competing_platform.restore" : "competing_platform.retire",
            id,
            before.name,
          ),
        ]
      : []),
  ];
  if (entries.length === 0) return before; // nothing changed, nothing logged
  await db.batch([
    db
      .update(s.competingPlatforms)
      .set({ spellings: after.spellings, active: after.active, updatedAt: after.updatedAt })
      .where(eq(s.competingPlatforms.id, id)),
    ...entries,
  ]);
  return after;
}
