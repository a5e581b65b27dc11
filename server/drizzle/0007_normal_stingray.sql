ALTER TABLE `projects` ADD `url` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `client_name` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `client_email` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `client_phone` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `license_owner_name` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `license_owner_inn` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `co_developer_confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `projects` ADD `submitted_by` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `points` integer;--> statement-breakpoint
ALTER TABLE `projects` ADD `decided_by` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `projects` ADD `fingerprint` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `mirror_of_id` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `mirror_similarity` integer;--> statement-breakpoint
ALTER TABLE `projects` ADD `audit_report_id` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `projects_license_key_idx` ON `projects` (`license_key`);--> statement-breakpoint
CREATE INDEX `projects_co_developer_id_idx` ON `projects` (`co_developer_id`);