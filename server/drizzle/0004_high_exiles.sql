CREATE TABLE `footer_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`host` text NOT NULL,
	`page` text NOT NULL,
	`day` text NOT NULL,
	`compliant` integer NOT NULL,
	`problems` text NOT NULL,
	`reported_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `footer_checks_partner_id_page_day_idx` ON `footer_checks` (`partner_id`,`page`,`day`);--> statement-breakpoint
CREATE INDEX `footer_checks_partner_id_day_idx` ON `footer_checks` (`partner_id`,`day`);--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`public_jwk` text NOT NULL,
	`private_jwk_encrypted` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer,
	`published_until` integer
);
--> statement-breakpoint
CREATE INDEX `signing_keys_retired_at_idx` ON `signing_keys` (`retired_at`);--> statement-breakpoint
DROP INDEX `registered_domains_host_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `registered_domains_partner_id_host_idx` ON `registered_domains` (`partner_id`,`host`);--> statement-breakpoint
CREATE INDEX `registered_domains_host_idx` ON `registered_domains` (`host`);--> statement-breakpoint
ALTER TABLE `badge_placements` ADD `day` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `badge_placements` ADD `requests` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `badge_placements_partner_id_host_widget_day_idx` ON `badge_placements` (`partner_id`,`host`,`widget`,`day`);--> statement-breakpoint
CREATE INDEX `badge_placements_verified_day_idx` ON `badge_placements` (`verified`,`day`);