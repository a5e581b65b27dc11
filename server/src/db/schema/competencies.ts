// R4: competency catalogue (conditions are data) and partner grants with manual override.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

export const competencies = sqliteTable("competencies", {
  id: id(),
  code: text("code").notNull().unique(),
  titleRu: text("title_ru").notNull(),
  titleEn: text("title_en").notNull(),
  // R4.1: the conditions, as JSON data evaluated by the rules engine.
  conditions: text("conditions", { mode: "json" }).notNull(),
  createdAt: createdAt(),
});

export const partnerCompetencies = sqliteTable(
  "partner_competencies",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    competencyId: text("competency_id")
      .notNull()
      .references(() => competencies.id),
    // Computed by the rules engine.
    held: integer("held", { mode: "boolean" }).notNull().default(false),
    // Moderator override: 'grant' | 'revoke' | null, with a reason (logged).
    override: text("override", { enum: ["grant", "revoke"] }),
    overrideReason: text("override_reason"),
    overrideBy: text("override_by"),
    since: timestamp("since"),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("partner_competencies_partner_id_competency_id_idx").on(t.partnerId, t.competencyId),
    index("partner_competencies_competency_id_idx").on(t.competencyId),
  ],
);
