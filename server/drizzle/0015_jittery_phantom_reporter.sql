CREATE TABLE `competing_platforms` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`spellings` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competing_platforms_name_idx` ON `competing_platforms` (lower("name"));