// R4E.6: a partner's Marketplace modules and their published updates (the marketplace group edits them).
// R5.2: publishing a module in Marketplace earns main points once, round-half-up(its end-user price / 1000),
// when a moderator confirms the publication.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

/**
 * R5.2: a module's publication credit. "unsubmitted": not claimed yet; "pending": the partner says it is published
 * (Marketplace URL, end-user price), awaiting a moderator; "credited": points given (once per module); "rejected":
 * refused with a note (the partner may claim again).
 */
export const modulePublicationStates = ["unsubmitted", "pending", "credited", "rejected"] as const;
export type ModulePublicationState = (typeof modulePublicationStates)[number];

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
    // R5.2: the publication claim and its decision.
    publication: text("publication", { enum: modulePublicationStates }).notNull().default("unsubmitted"),
    /** The module's page in Marketplace. */
    marketplaceUrl: text("marketplace_url"),
    /** End-user price in RUB (0: a free module, 0 points). */
    priceRub: integer("price_rub"),
    publicationSubmittedAt: timestamp("publication_submitted_at"),
    publicationSubmittedBy: text("publication_submitted_by"),
    publicationDecidedAt: timestamp("publication_decided_at"),
    publicationDecidedBy: text("publication_decided_by"),
    publicationNote: text("publication_note"),
    /** Fixed when credited. */
    points: integer("points"),
    createdAt: createdAt(),
  },
  (t) => [
    index("marketplace_modules_partner_id_idx").on(t.partnerId),
    index("marketplace_modules_publication_idx").on(t.publication),
  ],
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
