CREATE TABLE `audit_screenshots` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`selector` text,
	`page_url` text NOT NULL,
	`mime` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `audit_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_screenshots_report_id_idx` ON `audit_screenshots` (`report_id`);--> statement-breakpoint
ALTER TABLE `audit_findings` ADD `message` text;--> statement-breakpoint
ALTER TABLE `audit_findings` ADD `details` text;--> statement-breakpoint
ALTER TABLE `audit_findings` ADD `page_url` text;--> statement-breakpoint
ALTER TABLE `audit_findings` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_reports` ADD `project_id` text REFERENCES projects(id);--> statement-breakpoint
ALTER TABLE `audit_reports` ADD `host` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_reports` ADD `verdict` text;--> statement-breakpoint
ALTER TABLE `audit_reports` ADD `note` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_reports_project_id_idx` ON `audit_reports` (`project_id`);--> statement-breakpoint
CREATE INDEX `audit_reports_host_idx` ON `audit_reports` (`host`,`created_at`);