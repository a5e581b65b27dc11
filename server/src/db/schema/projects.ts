// R5.4: partner projects and their workflow; editions price list (R5.2).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

/** R5.2: editions with end-user price; points = round-half-up(price / 1000). */
export const editions = sqliteTable("editions", {
  id: id(),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  product: text("product", { enum: ["site_management", "bitrix24"] }).notNull(),
  priceRub: integer("price_rub").notNull(),
  sites: integer("sites").notNull().default(1),
  rank: integer("rank").notNull(),
});

export const projectStates = ["draft", "under_review", "accepted_for_review", "credited"] as const;

export const projects = sqliteTable(
  "projects",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    // R5.4h: normalised host (lower-case, punycode, no www.) is the project's identity.
    host: text("host").notNull().unique(),
    title: text("title").notNull(),
    editionId: text("edition_id").references(() => editions.id),
    licenseKey: text("license_key"),
    state: text("state", { enum: projectStates }).notNull().default("draft"),
    moderatorNote: text("moderator_note"),
    publishOnSite: integer("publish_on_site", { mode: "boolean" }).notNull().default(true),
    // R5.4d: joint development.
    coDeveloperId: text("co_developer_id").references(() => partners.id),
    holdsClientContract: integer("holds_client_contract", { mode: "boolean" }).notNull().default(true),
    composite: integer("composite", { mode: "boolean" }).notNull().default(false),
    submittedAt: timestamp("submitted_at").notNull(),
    creditedAt: timestamp("credited_at"),
    createdAt: createdAt(),
  },
  (t) => [index("projects_partner_id_idx").on(t.partnerId), index("projects_state_idx").on(t.state)],
);
