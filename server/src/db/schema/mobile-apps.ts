// R5.2: published mobile apps a partner implemented for a client on a vendor product. Points once per app,
// round-half-up(the product edition's end-user price / 1000), when a moderator confirms the publication.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";
import { editions } from "./projects.ts";

/** "pending": awaiting a moderator; "credited": points given; "rejected": refused with a note (never deleted). */
export const mobileAppStates = ["pending", "credited", "rejected"] as const;
export type MobileAppState = (typeof mobileAppStates)[number];

export const mobileApps = sqliteTable(
  "mobile_apps",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    title: text("title").notNull(),
    /** The app's page in a store (App Store, Google Play, RuGet, AppGallery): its identity, credited once. */
    storeUrl: text("store_url").notNull().unique(),
    /** The vendor product it is built on: its end-user price gives the points. */
    editionId: text("edition_id")
      .notNull()
      .references(() => editions.id),
    clientName: text("client_name").notNull(),
    state: text("state", { enum: mobileAppStates }).notNull().default("pending"),
    moderatorNote: text("moderator_note"),
    /** Fixed when credited. */
    points: integer("points"),
    submittedAt: timestamp("submitted_at").notNull(),
    submittedBy: text("submitted_by").notNull(),
    decidedAt: timestamp("decided_at"),
    decidedBy: text("decided_by"),
    createdAt: createdAt(),
  },
  (t) => [index("mobile_apps_partner_id_idx").on(t.partnerId), index("mobile_apps_state_idx").on(t.state)],
);
