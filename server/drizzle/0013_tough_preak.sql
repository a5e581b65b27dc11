CREATE TABLE `marketplace_module_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`module_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`written_by` text NOT NULL,
	`written_at` integer NOT NULL,
	`superseded_by` text NOT NULL,
	`superseded_at` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `marketplace_modules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `marketplace_module_revisions_module_id_idx` ON `marketplace_module_revisions` (`module_id`);