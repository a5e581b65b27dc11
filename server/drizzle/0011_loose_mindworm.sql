CREATE TABLE `card_logos` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` blob NOT NULL,
	`size` integer NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `card_logos_partner_id_idx` ON `card_logos` (`partner_id`);--> statement-breakpoint
ALTER TABLE `card_versions` ADD `logo_id` text REFERENCES card_logos(id);--> statement-breakpoint
ALTER TABLE `card_versions` ADD `phones` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `card_versions` ADD `emails` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `card_versions` ADD `addresses` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `card_versions` ADD `bitrix24_portal` text;