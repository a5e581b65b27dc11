CREATE TABLE `nfr_renewals` (
	`id` text PRIMARY KEY NOT NULL,
	`license_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`period_from` text NOT NULL,
	`period_until` text NOT NULL,
	`sales_rub` integer NOT NULL,
	`threshold_rub` integer NOT NULL,
	`outcome` text NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`license_id`) REFERENCES `nfr_licenses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nfr_renewals_license_id_period_until_idx` ON `nfr_renewals` (`license_id`,`period_until`);--> statement-breakpoint
CREATE TABLE `nfr_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`kind` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`edition_code` text NOT NULL,
	`license_id` text,
	`from_edition_code` text,
	`site_url` text,
	`site_host` text,
	`eligibility` text,
	`audit_report_id` text,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decision_note` text,
	`result_license_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `nfr_requests_partner_id_idx` ON `nfr_requests` (`partner_id`);--> statement-breakpoint
CREATE INDEX `nfr_requests_state_idx` ON `nfr_requests` (`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `nfr_requests_pending_idx` ON `nfr_requests` (`partner_id`,`kind`) WHERE state = 'pending';--> statement-breakpoint
CREATE TABLE `qm_tests` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`position` integer NOT NULL,
	`title_ru` text NOT NULL,
	`title_en` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `qm_tests_code_unique` ON `qm_tests` (`code`);--> statement-breakpoint
ALTER TABLE `nfr_licenses` ADD `portal_domain` text;--> statement-breakpoint
ALTER TABLE `nfr_licenses` ADD `plan` text;--> statement-breakpoint
ALTER TABLE `nfr_licenses` ADD `valid_from` text;--> statement-breakpoint
ALTER TABLE `nfr_licenses` ADD `valid_until` text;--> statement-breakpoint
ALTER TABLE `nfr_licenses` ADD `sales_commitment_rub` integer;--> statement-breakpoint
ALTER TABLE `nfr_licenses` ADD `request_id` text;--> statement-breakpoint
CREATE INDEX `nfr_licenses_valid_until_idx` ON `nfr_licenses` (`valid_until`);--> statement-breakpoint
CREATE UNIQUE INDEX `nfr_licenses_once_request_idx` ON `nfr_licenses` (`partner_id`) WHERE kind = 'request';--> statement-breakpoint
CREATE UNIQUE INDEX `nfr_licenses_live_portal_idx` ON `nfr_licenses` (`portal_domain`) WHERE kind = 'bitrix24' and state = 'active';--> statement-breakpoint
ALTER TABLE `qm_questions` ADD `scale_min` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `qm_questions` ADD `scale_max` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `qm_questions` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `qm_submissions` ADD `client_contact_email` text;--> statement-breakpoint
ALTER TABLE `qm_submissions` ADD `submitted_by` text;--> statement-breakpoint
ALTER TABLE `qm_submissions` ADD `called_by` text;--> statement-breakpoint
ALTER TABLE `qm_submissions` ADD `points` integer;--> statement-breakpoint
ALTER TABLE `qm_submissions` ADD `rejected_by` text;--> statement-breakpoint
ALTER TABLE `qm_submissions` ADD `rejected_at` integer;--> statement-breakpoint
ALTER TABLE `qm_submissions` ADD `reject_reason` text;--> statement-breakpoint
CREATE INDEX `qm_submissions_state_idx` ON `qm_submissions` (`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `qm_submissions_live_project_idx` ON `qm_submissions` (`project_id`) WHERE state != 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX `qm_call_ratings_submission_id_question_id_idx` ON `qm_call_ratings` (`submission_id`,`question_id`);