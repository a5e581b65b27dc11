ALTER TABLE `applications` ADD `inn` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `applications_inn_idx` ON `applications` (`inn`);