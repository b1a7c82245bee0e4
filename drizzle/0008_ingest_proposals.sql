CREATE TABLE `ingest_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`workstream_slug` text,
	`proposed_workstream_key` text,
	`paragraph` integer,
	`payload` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`reason` text,
	`decided_by` text,
	`decided_at` text,
	`milestone_id` integer,
	`created_workstream_slug` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `ingested_documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ingest_proposals_state_check" CHECK("ingest_proposals"."state" IN ('pending', 'accepted', 'rejected'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ingest_proposals_document_key_idx` ON `ingest_proposals` (`document_id`,`key`);--> statement-breakpoint
CREATE INDEX `ingest_proposals_key_state_idx` ON `ingest_proposals` (`key`,`state`);--> statement-breakpoint
CREATE TABLE `ingested_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`symbol` text NOT NULL,
	`lang` text NOT NULL,
	`year` integer NOT NULL,
	`filename` text NOT NULL,
	`format` text NOT NULL,
	`paragraphs` text NOT NULL,
	`footnotes` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ingested_documents_symbol_lang_idx` ON `ingested_documents` (`symbol`,`lang`);