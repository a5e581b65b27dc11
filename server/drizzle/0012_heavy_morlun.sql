CREATE TABLE `additional_points_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`approve` integer NOT NULL,
	`points` integer NOT NULL,
	`reason` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `additional_points_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `additional_points_decisions_request_id_idx` ON `additional_points_decisions` (`request_id`);--> statement-breakpoint
CREATE TABLE `purchase_prices` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`edition_code` text NOT NULL,
	`target_edition_code` text DEFAULT '' NOT NULL,
	`price_rub` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_prices_kind_edition_code_target_edition_code_idx` ON `purchase_prices` (`kind`,`edition_code`,`target_edition_code`);--> statement-breakpoint
DROP INDEX `purchases_idempotency_key_unique`;--> statement-breakpoint
DROP INDEX `purchases_partner_id_idx`;--> statement-breakpoint
ALTER TABLE `purchases` ADD `request_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `purchases` ADD `buyer_user_id` text;--> statement-breakpoint
ALTER TABLE `purchases` ADD `target_edition_id` text;--> statement-breakpoint
ALTER TABLE `purchases` ADD `quantity` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `purchases` ADD `license_key` text;--> statement-breakpoint
ALTER TABLE `purchases` ADD `issued_license_key` text;--> statement-breakpoint
ALTER TABLE `purchases` ADD `status` text;--> statement-breakpoint
ALTER TABLE `purchases` ADD `discount_percent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `purchases` ADD `paid_rub` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `purchases` ADD `points` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `purchases_issued_license_key_unique` ON `purchases` (`issued_license_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `purchases_partner_id_idempotency_key_idx` ON `purchases` (`partner_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `purchases_partner_id_purchased_at_idx` ON `purchases` (`partner_id`,`purchased_at`);--> statement-breakpoint
ALTER TABLE `additional_points_requests` ADD `evidence_url` text;--> statement-breakpoint
ALTER TABLE `additional_points_requests` ADD `requested_by` text;--> statement-breakpoint
ALTER TABLE `additional_points_requests` ADD `moderator_reason` text;