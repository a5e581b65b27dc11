// R4E.6: a partner's Marketplace modules and their published updates (the marketplace group edits them).
import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

export const marketplaceModules = sqliteTable(
  "marketplace_modules",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    // The Marketplace module id, `<partner>.<module>` (e.g. `alfa.delivery`): unique across partners.
    code: text("code").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    createdBy: text("created_by").notNull(),
    updatedBy: text("updated_by"),
    updatedAt: timestamp("updated_at"),
    createdAt: createdAt(),
  },
  (t) => [index("marketplace_modules_partner_id_idx").on(t.partnerId)],
);

/** One row per released version of a module (never edited, never deleted). */
export const marketplaceModuleUpdates = sqliteTable(
  "marketplace_module_updates",
  {
    id: id(),
    moduleId: text("module_id")
      .notNull()
      .references(() => marketplaceModules.id),
    version: text("version").notNull(),
    notes: text("notes").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("marketplace_module_updates_module_id_version_idx").on(t.moduleId, t.version)],
);

/** A module's title and description before each edit (nothing is overwritten unread). */
export const marketplaceModuleRevisions = sqliteTable(
  "marketplace_module_revisions",
  {
    id: id(),
    moduleId: text("module_id")
      .notNull()
      .references(() => marketplaceModules.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    // Who wrote this text and when (the module's creator or a later editor).
    writtenBy: text("written_by").notNull(),
    writtenAt: timestamp("written_at").notNull(),
    supersededBy: text("superseded_by").notNull(),
    supersededAt: timestamp("superseded_at").notNull(),
  },
  (t) => [index("marketplace_module_revisions_module_id_idx").on(t.moduleId)],
);
