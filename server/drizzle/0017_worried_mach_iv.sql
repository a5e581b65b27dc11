CREATE TABLE `mobile_apps` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`title` text NOT NULL,
	`store_url` text NOT NULL,
	`edition_id` text NOT NULL,
	`client_name` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`moderator_note` text,
	`points` integer,
	`submitted_at` integer NOT NULL,
	`submitted_by` text NOT NULL,
	`decided_at` integer,
	`decided_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mobile_apps_store_url_unique` ON `mobile_apps` (`store_url`);--> statement-breakpoint
CREATE INDEX `mobile_apps_partner_id_idx` ON `mobile_apps` (`partner_id`);--> statement-breakpoint
CREATE INDEX `mobile_apps_state_idx` ON `mobile_apps` (`state`);--> statement-breakpoint
ALTER TABLE `marketplace_modules` ADD `publication` text DEFAULT 'unsubmitted' NOT NULL;--> statement-breakpoint
ALTER TABLE `marketplace_modules` ADD `marketplace_url` text;--> statement-breakpoint
ALTER TABLE `marketplace_modules` ADD `price_rub` integer;--> statement-breakpoint
ALTER TABLE `marketplace_modules` ADD `publication_submitted_at` integer;--> statement-breakpoint
ALTER TABLE `marketplace_modules` ADD `publication_submitted_by` text;--> statement-breakpoint
ALTER TABLE `marketplace_modules` ADD `publication_decided_at` integer;--> statement-breakpoint
ALTER TABLE `marketplace_modules` ADD `publication_decided_by` text;--> statement-breakpoint
ALTER TABLE `marketplace_modules` ADD `publication_note` text;--> statement-breakpoint
ALTER TABLE `marketplace_modules` ADD `points` integer;--> statement-breakpoint
CREATE INDEX `marketplace_modules_publication_idx` ON `marketplace_modules` (`publication`);