CREATE TABLE `employee_link_events` (
	`id` text PRIMARY KEY NOT NULL,
	`link_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`actor_user_id` text NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`level` text NOT NULL,
	`marketplace` integer NOT NULL,
	`leads` integer NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `employee_links`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `employee_link_events_link_id_idx` ON `employee_link_events` (`link_id`);--> statement-breakpoint
CREATE INDEX `employee_link_events_partner_id_idx` ON `employee_link_events` (`partner_id`);--> statement-breakpoint
CREATE TABLE `marketplace_module_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`module_id` text NOT NULL,
	`version` text NOT NULL,
	`notes` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `marketplace_modules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `marketplace_module_updates_module_id_version_idx` ON `marketplace_module_updates` (`module_id`,`version`);--> statement-breakpoint
CREATE TABLE `marketplace_modules` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text,
	`updated_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `marketplace_modules_code_unique` ON `marketplace_modules` (`code`);--> statement-breakpoint
CREATE INDEX `marketplace_modules_partner_id_idx` ON `marketplace_modules` (`partner_id`);--> statement-breakpoint
ALTER TABLE `employee_links` ADD `detached_by` text;--> statement-breakpoint
ALTER TABLE `certificates` ADD `recorded_by` text;--> statement-breakpoint
ALTER TABLE `courses` ADD `retired_at` integer;