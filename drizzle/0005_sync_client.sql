CREATE TABLE `attachment_uploads` (
	`sha256` text PRIMARY KEY NOT NULL,
	`upload_id` text NOT NULL,
	`part_size` integer NOT NULL,
	`part_count` integer NOT NULL,
	`done_parts` text DEFAULT '[]' NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`present` integer DEFAULT true NOT NULL,
	`uploaded_at` text,
	`has_thumbnail` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`mine` text NOT NULL,
	`theirs` text,
	`theirs_deleted` integer DEFAULT false NOT NULL,
	`server_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text
);
--> statement-breakpoint
CREATE TABLE `sync_entities` (
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`server_version` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`entity`, `entity_id`)
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `batch_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `base_version` integer;