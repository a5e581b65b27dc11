// R7: leads and proposals, promotions, "order a site by phone" day bookings.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns.ts";
import { partners } from "./partners.ts";

/**
 * R7.1a: a client's request. `unconfirmed` = posted anonymously, waiting for the e-mail confirmation;
 * `pending` = awaiting moderation; `published` = visible to eligible partners (R7.1b).
 */
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
    // R7.1c: revealed to a partner's employee only after it has sent a proposal.
    extraContacts: text("extra_contacts"),
    city: text("city").notNull(),
    // The city's normalised key (program/cities), so "СПб" and "Saint Petersburg" match.
    cityKey: text("city_key").notNull().default(""),
    maxProposals: integer("max_proposals").notNull(),
    // R7.1d: the gate — only a conditional UPDATE ... WHERE proposal_count < max_proposals raises it.
    proposalCount: integer("proposal_count").notNull().default(0),
    state: text("state", { enum: ["unconfirmed", "pending", "published", "rejected", "closed"] })
      .notNull()
      .default("pending"),
    confirmedAt: timestamp("confirmed_at"),
    // R7.3: leads taken on a phone day are assigned to that partner.
    assignedPartnerId: text("assigned_partner_id").references(() => partners.id),
    phoneDayBookingId: text("phone_day_booking_id"),
    publishedAt: timestamp("published_at"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at"),
    moderatorNote: text("moderator_note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("leads_city_idx").on(t.city),
    index("leads_state_idx").on(t.state),
    index("leads_city_key_idx").on(t.cityKey),
    index("leads_client_user_id_idx").on(t.clientUserId),
    index("leads_assigned_partner_id_idx").on(t.assignedPartnerId),
  ],
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
    // R7.1e: which platforms of the list it names, for the moderator.
    flaggedTerms: text("flagged_terms", { mode: "json" }).$type<string[]>(),
    sentAt: timestamp("sent_at").notNull(),
  },
  (t) => [
    uniqueIndex("proposals_lead_id_partner_id_idx").on(t.leadId, t.partnerId),
    index("proposals_partner_id_idx").on(t.partnerId),
    index("proposals_flagged_idx").on(t.flagged),
  ],
);

/** R7.2: Certified and Gold partners' offers; moderated; shown for their period, at most six months. */
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
    submittedBy: text("submitted_by"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at"),
    moderatorNote: text("moderator_note"),
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
    requestedBy: text("requested_by"),
    // R7.3: the report is due within 5 working days after the day.
    reportDueOn: text("report_due_on"),
    reportSubmittedAt: timestamp("report_submitted_at"),
    reportedBy: text("reported_by"),
    report: text("report"),
    createdAt: createdAt(),
  },
  (t) => [
    index("phone_day_bookings_day_idx").on(t.day),
    index("phone_day_bookings_partner_id_idx").on(t.partnerId),
  ],
);

/** R7.3: how many partners may take a day in the office; a day without a row has the default (one). */
export const phoneDayCapacity = sqliteTable("phone_day_capacity", {
  day: text("day").primaryKey(),
  capacity: integer("capacity").notNull(),
});
