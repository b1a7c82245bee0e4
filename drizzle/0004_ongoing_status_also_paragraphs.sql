PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_milestones` (
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
	`baseline_date` text,
	`baseline_precision` text,
	`baseline_period_start` text,
	`baseline_period_end` text,
	`source_paragraph` integer,
	`source_footnote` integer,
	`also_paragraphs` text DEFAULT '[]' NOT NULL,
	`quote_zh` text,
	`evidence` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`workstream_id`) REFERENCES `workstreams`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "milestones_status_check" CHECK(status IN ('planned', 'in_progress', 'ongoing', 'completed', 'delayed', 'at_risk', 'cancelled')),
	CONSTRAINT "milestones_date_precision_check" CHECK("__new_milestones"."date_precision" IN ('year', 'month', 'day')),
	CONSTRAINT "milestones_version_check" CHECK("__new_milestones"."version" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_milestones`("id", "workstream_id", "seed_key", "title_en", "title_zh", "date", "date_precision", "period_start", "period_end", "year", "status", "completed_on", "completed_precision", "completed_period_end", "baseline_date", "baseline_precision", "baseline_period_start", "baseline_period_end", "source_paragraph", "source_footnote", "also_paragraphs", "quote_zh", "evidence", "version", "created_at", "updated_at", "removed_at") SELECT "id", "workstream_id", "seed_key", "title_en", "title_zh", "date", "date_precision", "period_start", "period_end", "year", "status", "completed_on", "completed_precision", "completed_period_end", "baseline_date", "baseline_precision", "baseline_period_start", "baseline_period_end", "source_paragraph", "source_footnote", '[]', "quote_zh", "evidence", "version", "created_at", "updated_at", "removed_at" FROM `milestones`;--> statement-breakpoint
DROP TABLE `milestones`;--> statement-breakpoint
ALTER TABLE `__new_milestones` RENAME TO `milestones`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `milestones_workstream_seed_key_idx` ON `milestones` (`workstream_id`,`seed_key`);--> statement-breakpoint
CREATE INDEX `milestones_workstream_period_idx` ON `milestones` (`workstream_id`,`period_start`);--> statement-breakpoint
CREATE INDEX `milestones_workstream_year_status_idx` ON `milestones` (`workstream_id`,`year`,`status`);--> statement-breakpoint
CREATE INDEX `milestones_status_idx` ON `milestones` (`status`);--> statement-breakpoint
CREATE INDEX `milestones_year_idx` ON `milestones` (`year`);--> statement-breakpoint
CREATE INDEX `milestones_period_end_idx` ON `milestones` (`period_end`);