CREATE TABLE `calendar_days` (
	`day` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_partners` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`legal_kind` text NOT NULL,
	`city` text NOT NULL,
	`approved_at` integer NOT NULL,
	`status` text DEFAULT 'business' NOT NULL,
	`status_since` text NOT NULL,
	`status_until` text,
	`paper_contract_at` integer,
	`contract_at` integer,
	`termination_notice_at` integer,
	`terminated_at` integer,
	`bitrix24_portal` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_partners`("id", "name", "legal_kind", "city", "approved_at", "status", "status_since", "status_until", "paper_contract_at", "contract_at", "termination_notice_at", "terminated_at", "bitrix24_portal", "created_at") SELECT "id", "name", "legal_kind", "city", "approved_at", "status", "status_since", "status_until", "paper_contract_at", "contract_at", "termination_notice_at", "terminated_at", "bitrix24_portal", "created_at" FROM `partners`;--> statement-breakpoint
DROP TABLE `partners`;--> statement-breakpoint
ALTER TABLE `__new_partners` RENAME TO `partners`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `partners_city_idx` ON `partners` (`city`);--> statement-breakpoint
CREATE INDEX `partners_status_idx` ON `partners` (`status`);--> statement-breakpoint
ALTER TABLE `nfr_licenses` ADD `issued_on` text;--> statement-breakpoint
ALTER TABLE `status_changes` ADD `on` text NOT NULL;--> statement-breakpoint
ALTER TABLE `status_changes` ADD `since` text NOT NULL;--> statement-breakpoint
ALTER TABLE `status_changes` ADD `until` text;--> statement-breakpoint
CREATE INDEX `status_changes_on_idx` ON `status_changes` (`on`);--> statement-breakpoint
ALTER TABLE `courses` ADD `nfr_request` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `certification_requirements_status_course_id_idx` ON `certification_requirements` (`status`,`course_id`);--> statement-breakpoint
ALTER TABLE `certification_requirements` DROP COLUMN `min_exam_level`;