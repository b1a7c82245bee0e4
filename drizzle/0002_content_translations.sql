CREATE TABLE `milestone_translations` (
	`milestone_id` integer NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`milestone_id`, `locale`),
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "milestone_translations_locale_check" CHECK(locale IN ('ar', 'fr', 'ru', 'es')),
	CONSTRAINT "milestone_translations_title_check" CHECK(length("milestone_translations"."title") > 0)
);
--> statement-breakpoint
CREATE TABLE `workstream_translations` (
	`workstream_id` integer NOT NULL,
	`locale` text NOT NULL,
	`name` text,
	`summary` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`workstream_id`, `locale`),
	FOREIGN KEY (`workstream_id`) REFERENCES `workstreams`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "workstream_translations_locale_check" CHECK(locale IN ('ar', 'fr', 'ru', 'es')),
	CONSTRAINT "workstream_translations_content_check" CHECK("workstream_translations"."name" IS NOT NULL OR "workstream_translations"."summary" IS NOT NULL)
);
