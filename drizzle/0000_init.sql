CREATE TABLE `bodies` (
	`code` text PRIMARY KEY NOT NULL,
	`short_name_en` text NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text NOT NULL,
	`parent_code` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`parent_code`) REFERENCES `bodies`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workstream_id` integer NOT NULL,
	`seed_key` text,
	`title_en` text NOT NULL,
	`title_zh` text NOT NULL,
	`date` text NOT NULL,
	`date_precision` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`year` integer NOT NULL,
	`status` text NOT NULL,
	`completed_on` text,
	`completed_precision` text,
	`completed_period_end` text,
	`source_paragraph` integer,
	`source_footnote` integer,
	`quote_zh` text,
	`evidence` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`workstream_id`) REFERENCES `workstreams`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "milestones_status_check" CHECK(status IN ('planned', 'in_progress', 'completed', 'delayed', 'at_risk', 'cancelled')),
	CONSTRAINT "milestones_date_precision_check" CHECK("milestones"."date_precision" IN ('year', 'month', 'day')),
	CONSTRAINT "milestones_version_check" CHECK("milestones"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `milestones_workstream_seed_key_idx` ON `milestones` (`workstream_id`,`seed_key`);--> statement-breakpoint
CREATE INDEX `milestones_workstream_period_idx` ON `milestones` (`workstream_id`,`period_start`);--> statement-breakpoint
CREATE INDEX `milestones_workstream_year_status_idx` ON `milestones` (`workstream_id`,`year`,`status`);--> statement-breakpoint
CREATE INDEX `milestones_status_idx` ON `milestones` (`status`);--> statement-breakpoint
CREATE INDEX `milestones_year_idx` ON `milestones` (`year`);--> statement-breakpoint
CREATE INDEX `milestones_period_end_idx` ON `milestones` (`period_end`);--> statement-breakpoint
CREATE TABLE `status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`milestone_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor` text NOT NULL,
	`note` text,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_history_milestone_idx` ON `status_history` (`milestone_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `status_history_changed_at_idx` ON `status_history` (`changed_at`);--> statement-breakpoint
CREATE TABLE `workstreams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text NOT NULL,
	`body_code` text NOT NULL,
	`leads` text DEFAULT '[]' NOT NULL,
	`summary_en` text NOT NULL,
	`summary_zh` text NOT NULL,
	`paragraphs` text DEFAULT '[]' NOT NULL,
	`evidence` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`body_code`) REFERENCES `bodies`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workstreams_slug_unique` ON `workstreams` (`slug`);--> statement-breakpoint
CREATE INDEX `workstreams_body_code_idx` ON `workstreams` (`body_code`);--> statement-breakpoint
CREATE INDEX `workstreams_position_idx` ON `workstreams` (`position`,`name_en`);