CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`number` text NOT NULL,
	`kind` text DEFAULT 'electronic' NOT NULL,
	`concluded_on` text NOT NULL,
	`concluded_at` integer NOT NULL,
	`application_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_number_idx` ON `contracts` (`number`);--> statement-breakpoint
CREATE INDEX `contracts_partner_id_idx` ON `contracts` (`partner_id`);--> statement-breakpoint
CREATE TABLE `terminations` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`initiator` text NOT NULL,
	`on` text NOT NULL,
	`notice_on` text NOT NULL,
	`reason` text,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`state` text DEFAULT 'scheduled' NOT NULL,
	`cancelled_by` text,
	`cancelled_at` integer,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `terminations_partner_id_idx` ON `terminations` (`partner_id`);--> statement-breakpoint
CREATE INDEX `terminations_on_idx` ON `terminations` (`on`);