CREATE TABLE `audit_findings` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`outcome` text NOT NULL,
	`evidence` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `audit_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_findings_report_id_idx` ON `audit_findings` (`report_id`);--> statement-breakpoint
CREATE TABLE `audit_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text,
	`url` text NOT NULL,
	`source` text NOT NULL,
	`auditor_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_reports_partner_id_idx` ON `audit_reports` (`partner_id`);--> statement-breakpoint
CREATE TABLE `badge_placements` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`host` text NOT NULL,
	`widget` text NOT NULL,
	`verified` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `badge_placements_partner_id_idx` ON `badge_placements` (`partner_id`);--> statement-breakpoint
CREATE INDEX `badge_placements_host_idx` ON `badge_placements` (`host`);--> statement-breakpoint
CREATE TABLE `account` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_userId_idx` ON `account` (`user_id`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL,
	`token` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`user_id` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_token_unique` ON `session` (`token`);--> statement-breakpoint
CREATE INDEX `session_userId_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`role` text DEFAULT 'client'
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE TABLE `verification` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verification_identifier_idx` ON `verification` (`identifier`);--> statement-breakpoint
CREATE TABLE `competencies` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`title_ru` text NOT NULL,
	`title_en` text NOT NULL,
	`conditions` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competencies_code_unique` ON `competencies` (`code`);--> statement-breakpoint
CREATE TABLE `partner_competencies` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`competency_id` text NOT NULL,
	`held` integer DEFAULT false NOT NULL,
	`override` text,
	`override_reason` text,
	`override_by` text,
	`since` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_id`) REFERENCES `competencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_competencies_partner_id_competency_id_idx` ON `partner_competencies` (`partner_id`,`competency_id`);--> statement-breakpoint
CREATE INDEX `partner_competencies_competency_id_idx` ON `partner_competencies` (`competency_id`);--> statement-breakpoint
CREATE TABLE `employee_links` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`user_id` text NOT NULL,
	`level` text NOT NULL,
	`marketplace` integer DEFAULT false NOT NULL,
	`leads` integer DEFAULT false NOT NULL,
	`invitation` text DEFAULT 'pending' NOT NULL,
	`invited_by` text,
	`invited_at` integer NOT NULL,
	`responded_at` integer,
	`detached_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employee_links_partner_id_user_id_idx` ON `employee_links` (`partner_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `employee_links_user_id_idx` ON `employee_links` (`user_id`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`client_user_id` text,
	`description` text NOT NULL,
	`budget_rub` integer,
	`contact_name` text NOT NULL,
	`contact_email` text NOT NULL,
	`contact_phone` text,
	`city` text NOT NULL,
	`max_proposals` integer NOT NULL,
	`proposal_count` integer DEFAULT 0 NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`assigned_partner_id` text,
	`published_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assigned_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leads_city_idx` ON `leads` (`city`);--> statement-breakpoint
CREATE INDEX `leads_state_idx` ON `leads` (`state`);--> statement-breakpoint
CREATE TABLE `phone_day_bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`day` text NOT NULL,
	`state` text DEFAULT 'requested' NOT NULL,
	`report_submitted_at` integer,
	`report` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `phone_day_bookings_day_idx` ON `phone_day_bookings` (`day`);--> statement-breakpoint
CREATE INDEX `phone_day_bookings_partner_id_idx` ON `phone_day_bookings` (`partner_id`);--> statement-breakpoint
CREATE TABLE `promotions` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promotions_partner_id_idx` ON `promotions` (`partner_id`);--> statement-breakpoint
CREATE INDEX `promotions_state_idx` ON `promotions` (`state`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`lead_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`sender_user_id` text NOT NULL,
	`text` text NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_lead_id_partner_id_idx` ON `proposals` (`lead_id`,`partner_id`);--> statement-breakpoint
CREATE INDEX `proposals_partner_id_idx` ON `proposals` (`partner_id`);--> statement-breakpoint
CREATE TABLE `nfr_licenses` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`license_key` text NOT NULL,
	`kind` text NOT NULL,
	`edition_code` text NOT NULL,
	`site_host` text,
	`state` text DEFAULT 'active' NOT NULL,
	`issued_at` integer,
	`expires_at` integer,
	`revoked_at` integer,
	`revoke_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nfr_licenses_license_key_unique` ON `nfr_licenses` (`license_key`);--> statement-breakpoint
CREATE INDEX `nfr_licenses_partner_id_idx` ON `nfr_licenses` (`partner_id`);--> statement-breakpoint
CREATE INDEX `nfr_licenses_kind_idx` ON `nfr_licenses` (`kind`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`company_name` text NOT NULL,
	`legal_kind` text NOT NULL,
	`city` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`contact_email` text NOT NULL,
	`website` text,
	`activity` text NOT NULL,
	`personal_data_consent` integer NOT NULL,
	`state` text DEFAULT 'submitted' NOT NULL,
	`moderator_note` text,
	`partner_id` text,
	`submitted_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `applications_state_idx` ON `applications` (`state`);--> statement-breakpoint
CREATE INDEX `applications_user_id_idx` ON `applications` (`user_id`);--> statement-breakpoint
CREATE TABLE `card_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`version` integer NOT NULL,
	`state` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`logo_url` text,
	`phone` text,
	`email` text,
	`leads_email` text,
	`address` text,
	`city` text NOT NULL,
	`website` text,
	`publish_on_site` integer DEFAULT false NOT NULL,
	`submitted_by` text,
	`submitted_at` integer NOT NULL,
	`reviewed_by` text,
	`reviewed_at` integer,
	`review_note` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `card_versions_partner_id_version_idx` ON `card_versions` (`partner_id`,`version`);--> statement-breakpoint
CREATE INDEX `card_versions_state_idx` ON `card_versions` (`state`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`legal_kind` text NOT NULL,
	`city` text NOT NULL,
	`approved_at` integer NOT NULL,
	`status` text DEFAULT 'business' NOT NULL,
	`status_since` integer NOT NULL,
	`status_until` integer,
	`paper_contract_at` integer,
	`contract_at` integer,
	`termination_notice_at` integer,
	`terminated_at` integer,
	`bitrix24_portal` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `partners_city_idx` ON `partners` (`city`);--> statement-breakpoint
CREATE INDEX `partners_status_idx` ON `partners` (`status`);--> statement-breakpoint
CREATE TABLE `registered_domains` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`host` text NOT NULL,
	`verification` text DEFAULT 'pending' NOT NULL,
	`verification_token` text,
	`verified_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registered_domains_host_unique` ON `registered_domains` (`host`);--> statement-breakpoint
CREATE INDEX `registered_domains_partner_id_idx` ON `registered_domains` (`partner_id`);--> statement-breakpoint
CREATE TABLE `additional_points_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`reason` text NOT NULL,
	`description` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`points` integer,
	`submitted_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `additional_points_requests_partner_id_idx` ON `additional_points_requests` (`partner_id`);--> statement-breakpoint
CREATE INDEX `additional_points_requests_state_idx` ON `additional_points_requests` (`state`);--> statement-breakpoint
CREATE TABLE `point_accruals` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`day` text NOT NULL,
	`points` integer NOT NULL,
	`source_type` text NOT NULL,
	`source_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `point_accruals_partner_id_day_points_idx` ON `point_accruals` (`partner_id`,`day`,`points`);--> statement-breakpoint
CREATE INDEX `point_accruals_source_type_source_id_idx` ON `point_accruals` (`source_type`,`source_id`);--> statement-breakpoint
CREATE TABLE `purchases` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`kind` text NOT NULL,
	`edition_id` text,
	`price_rub` integer NOT NULL,
	`purchased_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchases_idempotency_key_unique` ON `purchases` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `purchases_partner_id_idx` ON `purchases` (`partner_id`);--> statement-breakpoint
CREATE TABLE `editions` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`product` text NOT NULL,
	`price_rub` integer NOT NULL,
	`sites` integer DEFAULT 1 NOT NULL,
	`rank` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `editions_code_unique` ON `editions` (`code`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`host` text NOT NULL,
	`title` text NOT NULL,
	`edition_id` text,
	`license_key` text,
	`state` text DEFAULT 'draft' NOT NULL,
	`moderator_note` text,
	`publish_on_site` integer DEFAULT true NOT NULL,
	`co_developer_id` text,
	`holds_client_contract` integer DEFAULT true NOT NULL,
	`composite` integer DEFAULT false NOT NULL,
	`submitted_at` integer NOT NULL,
	`credited_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`co_developer_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_host_unique` ON `projects` (`host`);--> statement-breakpoint
CREATE INDEX `projects_partner_id_idx` ON `projects` (`partner_id`);--> statement-breakpoint
CREATE INDEX `projects_state_idx` ON `projects` (`state`);--> statement-breakpoint
CREATE TABLE `qm_call_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`question_id` text NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`rated_by` text NOT NULL,
	`rated_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `qm_submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `qm_questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `qm_call_ratings_submission_id_idx` ON `qm_call_ratings` (`submission_id`);--> statement-breakpoint
CREATE TABLE `qm_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`text_ru` text NOT NULL,
	`text_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `qm_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`project_id` text NOT NULL,
	`test_results` text NOT NULL,
	`client_contact_name` text NOT NULL,
	`client_contact_phone` text NOT NULL,
	`state` text DEFAULT 'submitted' NOT NULL,
	`submitted_at` integer NOT NULL,
	`completed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `qm_submissions_partner_id_idx` ON `qm_submissions` (`partner_id`);--> statement-breakpoint
CREATE INDEX `qm_submissions_project_id_idx` ON `qm_submissions` (`project_id`);--> statement-breakpoint
CREATE TABLE `status_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text NOT NULL,
	`changed_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_changes_partner_id_idx` ON `status_changes` (`partner_id`);--> statement-breakpoint
CREATE TABLE `status_terms` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`status` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`outcome` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_terms_partner_id_idx` ON `status_terms` (`partner_id`);--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_outbox_state_next_attempt_at_idx` ON `email_outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `moderation_log` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_user_id` text NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `moderation_log_at_idx` ON `moderation_log` (`at`);--> statement-breakpoint
CREATE INDEX `moderation_log_target_id_idx` ON `moderation_log` (`target_id`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`course_id` text NOT NULL,
	`exam_level` text,
	`issued_at` integer NOT NULL,
	`expires_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `certificates_user_id_idx` ON `certificates` (`user_id`);--> statement-breakpoint
CREATE INDEX `certificates_course_id_idx` ON `certificates` (`course_id`);--> statement-breakpoint
CREATE TABLE `certification_requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`course_id` text,
	`min_exam_level` text,
	`employees` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `courses` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`kind` text DEFAULT 'course' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `courses_code_unique` ON `courses` (`code`);