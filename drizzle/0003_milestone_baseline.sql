ALTER TABLE `milestones` ADD `baseline_date` text;--> statement-breakpoint
ALTER TABLE `milestones` ADD `baseline_precision` text;--> statement-breakpoint
ALTER TABLE `milestones` ADD `baseline_period_start` text;--> statement-breakpoint
ALTER TABLE `milestones` ADD `baseline_period_end` text;