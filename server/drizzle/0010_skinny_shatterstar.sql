CREATE TABLE `phone_day_capacity` (
	`day` text PRIMARY KEY NOT NULL,
	`capacity` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `leads` ADD `extra_contacts` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `city_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `phone_day_booking_id` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `decided_by` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `moderator_note` text;--> statement-breakpoint
CREATE INDEX `leads_city_key_idx` ON `leads` (`city_key`);--> statement-breakpoint
CREATE INDEX `leads_client_user_id_idx` ON `leads` (`client_user_id`);--> statement-breakpoint
CREATE INDEX `leads_assigned_partner_id_idx` ON `leads` (`assigned_partner_id`);--> statement-breakpoint
ALTER TABLE `phone_day_bookings` ADD `requested_by` text;--> statement-breakpoint
ALTER TABLE `phone_day_bookings` ADD `report_due_on` text;--> statement-breakpoint
ALTER TABLE `phone_day_bookings` ADD `reported_by` text;--> statement-breakpoint
ALTER TABLE `promotions` ADD `submitted_by` text;--> statement-breakpoint
ALTER TABLE `promotions` ADD `decided_by` text;--> statement-breakpoint
ALTER TABLE `promotions` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `promotions` ADD `moderator_note` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `flagged_terms` text;--> statement-breakpoint
CREATE INDEX `proposals_flagged_idx` ON `proposals` (`flagged`);