// R4E.6: a partner's Marketplace modules and their updates, kept by its marketplace group. A module's code is
// unique across partners; an update's version must be above the module's latest (releases are never edited).

import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { expectChanged, guard, writeOrConflict } from "../../db/atomic.ts";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { conflict, notFound } from "../../errors/index.ts";

export type ModuleInput = { code: string; title: string; description: string };
type By = { userId: string; now: Date };

/** Compares dotted numeric versions ("1.10.0" > "1.9.3"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export async function listModules(db: Db, partnerId: string) {
  const modules = await db
    .select()
    .from(s.marketplaceModules)
    .where(eq(s.marketplaceModules.partnerId, partnerId))
    .orderBy(asc(s.marketplaceModules.createdAt), asc(s.marketplaceModules.code));
  const updates = modules.length
    ? await db
        .select()
        .from(s.marketplaceModuleUpdates)
        .where(
          inArray(
            s.marketplaceModuleUpdates.moduleId,
            modules.map((m) => m.id),
          ),
        )
        .orderBy(asc(s.marketplaceModuleUpdates.createdAt))
    : [];
  return modules.map((m) => {
    const own = updates
      .filter((u) => u.moduleId === m.id)
      .sort((a, b) => compareVersions(a.version, b.version));
    return { ...m, updates: own, latestVersion: own.at(-1)?.version ?? null };
  });
}
export type ModuleView = Awaited<ReturnType<typeof listModules>>[number];

export async function moduleOf(db: Db, partnerId: string, moduleId: string): Promise<ModuleView> {
  const found = (await listModules(db, partnerId)).find((m) => m.id === moduleId);
  if (!found) throw notFound("Модуль не найден. / No such module.");
  return found;
}

export async function addModule(db: Db, partnerId: string, input: ModuleInput, by: By): Promise<ModuleView> {
  const id = crypto.randomUUID();
  await writeOrConflict(
    db,
    [
      db
        .insert(s.marketplaceModules)
        .values({ id, partnerId, ...input, createdBy: by.userId, createdAt: by.now })
        .getSQL(),
    ],
    `Модуль с кодом ${input.code} уже есть. / A module with code ${input.code} exists.`,
  );
  return moduleOf(db, partnerId, id);
}

/** Edits a module's text; the text it replaces is kept as a revision in the same write batch. */
export async function editModule(
  db: Db,
  partnerId: string,
  moduleId: string,
  patch: Partial<Omit<ModuleInput, "code">>,
  by: By,
): Promise<ModuleView> {
  const current = await moduleOf(db, partnerId, moduleId);
  const m = s.marketplaceModules;
  await writeOrConflict(
    db,
    [
      db
        .insert(s.marketplaceModuleRevisions)
        .values({
          moduleId,
          title: current.title,
          description: current.description,
          writtenBy: current.updatedBy ?? current.createdBy,
          writtenAt: current.updatedAt ?? current.createdAt,
          supersededBy: by.userId,
          supersededAt: by.now,
        })
        .getSQL(),
      db
        .update(m)
        .set({ ...patch, updatedBy: by.userId, updatedAt: by.now })
        .where(
          and(
            eq(m.id, moduleId),
            eq(m.partnerId, partnerId),
            eq(m.title, current.title),
            eq(m.description, current.description),
          ),
        )
        .getSQL(),
      expectChanged(),
    ],
    "Модуль изменили одновременно с вами. / The module was changed meanwhile.",
  );
  return moduleOf(db, partnerId, moduleId);
}

/** The texts a module had before its edits, oldest first. */
export async function moduleRevisions(db: Db, partnerId: string, moduleId: string) {
  await moduleOf(db, partnerId, moduleId);
  return db
    .select()
    .from(s.marketplaceModuleRevisions)
    .where(eq(s.marketplaceModuleRevisions.moduleId, moduleId))
    .orderBy(asc(s.marketplaceModuleRevisions.supersededAt));
}

export async function addUpdate(
  db: Db,
  partnerId: string,
  moduleId: string,
  input: { version: string; notes: string },
  by: By,
) {
  const module = await moduleOf(db, partnerId, moduleId);
  const stale = `Версия ${input.version} не выше последней (${module.latestVersion}). / Version ${input.version} is not above the latest (${module.latestVersion}).`;
  if (module.latestVersion && compareVersions(input.version, module.latestVersion) <= 0)
    throw conflict(stale);
  const id = crypto.randomUUID();
  await writeOrConflict(
    db,
    [
      // Two releases at once: only one passes (the same count of updates as read).
      guard(
        sql`(select count(*) from marketplace_module_updates where module_id = ${moduleId}) = ${module.updates.length}`,
      ),
      db
        .insert(s.marketplaceModuleUpdates)
        .values({ id, moduleId, ...input, createdBy: by.userId, createdAt: by.now })
        .getSQL(),
    ],
    stale,
  );
  return (await moduleOf(db, partnerId, moduleId)).updates.find((u) => u.id === id)!;
}
