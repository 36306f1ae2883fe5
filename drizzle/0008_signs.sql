CREATE TABLE `signs` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`mark` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`quantity` integer DEFAULT 1 NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "signs_quantity_range" CHECK("signs"."quantity" BETWEEN 1 AND 999)
);
--> statement-breakpoint
CREATE INDEX `signs_project_position` ON `signs` (`project_id`,`position`);--> statement-breakpoint
ALTER TABLE `design_drafts` ADD `sign_id` text REFERENCES signs(id);--> statement-breakpoint
ALTER TABLE `design_revisions` ADD `sign_id` text REFERENCES signs(id);