// R4E: links between user accounts and partner cards, with a rights level and flags.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { user } from "./auth.ts";
import { partners } from "./partners.ts";

export const employeeLevels = ["main", "full", "limited", "certified"] as const;
export type EmployeeLevel = (typeof employeeLevels)[number];
export const invitationStates = ["pending", "accepted", "declined", "detached"] as const;
export type InvitationState = (typeof invitationStates)[number];

export const employeeLinks = sqliteTable(
  "employee_links",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    level: text("level", { enum: employeeLevels }).notNull(),
    marketplace: integer("marketplace", { mode: "boolean" }).notNull().default(false),
    leads: integer("leads", { mode: "boolean" }).notNull().default(false),
    invitation: text("invitation", { enum: invitationStates }).notNull().default("pending"),
    invitedBy: text("invited_by"),
    invitedAt: timestamp("invited_at").notNull(),
    respondedAt: timestamp("responded_at"),
    detachedAt: timestamp("detached_at"),
    detachedBy: text("detached_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("employee_links_partner_id_user_id_idx").on(t.partnerId, t.userId),
    index("employee_links_user_id_idx").on(t.userId),
    // R4E: covers the recompute's walk over attached employees per partner (program/status/conditions.ts).
    index("employee_links_partner_id_invitation_user_id_responded_at_invited_at_idx").on(
      t.partnerId,
      t.invitation,
      t.userId,
      t.respondedAt,
      t.invitedAt,
    ),
  ],
);

export const employeeLinkActions = [
  "invited",
  "accepted",
  "declined",
  "changed",
  "detached",
  "main_user",
] as const;

/**
 * R4E: the history of a link — every invitation, answer, change of level or flags, detachment and admin
 * main-user change, with who did it and the level and flags after it. A link row holds only its latest state.
 */
export const employeeLinkEvents = sqliteTable(
  "employee_link_events",
  {
    id: id(),
    linkId: text("link_id")
      .notNull()
      .references(() => employeeLinks.id),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    actorUserId: text("actor_user_id").notNull(),
    at: timestamp("at").notNull(),
    action: text("action", { enum: employeeLinkActions }).notNull(),
    level: text("level", { enum: employeeLevels }).notNull(),
    marketplace: integer("marketplace", { mode: "boolean" }).notNull(),
    leads: integer("leads", { mode: "boolean" }).notNull(),
  },
  (t) => [
    index("employee_link_events_link_id_idx").on(t.linkId),
    index("employee_link_events_partner_id_idx").on(t.partnerId),
  ],
);
