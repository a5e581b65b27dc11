// R7: leads and proposals, promotions, "order a site by phone" day bookings.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

export const leads = sqliteTable(
  "leads",
  {
    id: id(),
    clientUserId: text("client_user_id"),
    description: text("description").notNull(),
    budgetRub: integer("budget_rub"),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    city: text("city").notNull(),
    maxProposals: integer("max_proposals").notNull(),
    proposalCount: integer("proposal_count").notNull().default(0),
    state: text("state", { enum: ["pending", "published", "rejected", "closed"] })
      .notNull()
      .default("pending"),
    // R7.3: leads taken on a phone day are assigned to that partner.
    assignedPartnerId: text("assigned_partner_id").references(() => partners.id),
    publishedAt: timestamp("published_at"),
    createdAt: createdAt(),
  },
  (t) => [index("leads_city_idx").on(t.city), index("leads_state_idx").on(t.state)],
);

export const proposals = sqliteTable(
  "proposals",
  {
    id: id(),
    leadId: text("lead_id")
      .notNull()
      .references(() => leads.id),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    senderUserId: text("sender_user_id").notNull(),
    text: text("text").notNull(),
    // R7.1e: mentions a competing platform.
    flagged: integer("flagged", { mode: "boolean" }).notNull().default(false),
    sentAt: timestamp("sent_at").notNull(),
  },
  (t) => [
    uniqueIndex("proposals_lead_id_partner_id_idx").on(t.leadId, t.partnerId),
    index("proposals_partner_id_idx").on(t.partnerId),
  ],
);

export const promotions = sqliteTable(
  "promotions",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    state: text("state", { enum: ["pending", "approved", "rejected"] })
      .notNull()
      .default("pending"),
    createdAt: createdAt(),
  },
  (t) => [index("promotions_partner_id_idx").on(t.partnerId), index("promotions_state_idx").on(t.state)],
);

export const phoneDayBookings = sqliteTable(
  "phone_day_bookings",
  {
    id: id(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    day: text("day").notNull(),
    state: text("state", { enum: ["requested", "confirmed", "cancelled", "done"] })
      .notNull()
      .default("requested"),
    reportSubmittedAt: timestamp("report_submitted_at"),
    report: text("report"),
    createdAt: createdAt(),
  },
  (t) => [
    index("phone_day_bookings_day_idx").on(t.day),
    index("phone_day_bookings_partner_id_idx").on(t.partnerId),
  ],
);
