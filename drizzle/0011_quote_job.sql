CREATE TABLE `quote_draft_signs` (
	`project_id` text NOT NULL,
	`sign_id` text NOT NULL,
	`design_revision_id` text NOT NULL,
	`overrides` text DEFAULT '{}' NOT NULL,
	`manual_lines` text DEFAULT '[]' NOT NULL,
	`acknowledgement` text,
	`settings` text DEFAULT '{}' NOT NULL,
	PRIMARY KEY(`project_id`, `sign_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sign_id`) REFERENCES `signs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`design_revision_id`) REFERENCES `design_revisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quote_revision_signs` (
	`quote_revision_id` text NOT NULL,
	`sign_id` text NOT NULL,
	`position` integer NOT NULL,
	`design_revision_id` text NOT NULL,
	PRIMARY KEY(`quote_revision_id`, `sign_id`),
	FOREIGN KEY (`quote_revision_id`) REFERENCES `quote_revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sign_id`) REFERENCES `signs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`design_revision_id`) REFERENCES `design_revisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quote_revision_signs_design` ON `quote_revision_signs` (`design_revision_id`);--> statement-breakpoint
ALTER TABLE `quote_revisions` ADD `job` text;