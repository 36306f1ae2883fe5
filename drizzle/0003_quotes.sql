CREATE TABLE `price_book_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`effective_date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`items` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `price_book_versions_number` ON `price_book_versions` (`number`);--> statement-breakpoint
CREATE INDEX `price_book_versions_effective` ON `price_book_versions` (`effective_date`,`number`);--> statement-breakpoint
CREATE TABLE `quote_drafts` (
	`project_id` text PRIMARY KEY NOT NULL,
	`design_revision_id` text NOT NULL,
	`price_book_version_id` text NOT NULL,
	`settings` text NOT NULL,
	`overrides` text NOT NULL,
	`manual_lines` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`design_revision_id`) REFERENCES `design_revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`price_book_version_id`) REFERENCES `price_book_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quote_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`number` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`valid_until` text NOT NULL,
	`design_revision_id` text NOT NULL,
	`price_book_version_id` text NOT NULL,
	`priced` text NOT NULL,
	`overrides` text NOT NULL,
	`manual_lines` text NOT NULL,
	`header` text NOT NULL,
	`total_cents` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`status_changed_at` text,
	`status_changed_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`design_revision_id`) REFERENCES `design_revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`price_book_version_id`) REFERENCES `price_book_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quote_revisions_project_number` ON `quote_revisions` (`project_id`,`number`);