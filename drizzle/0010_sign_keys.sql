DROP INDEX `design_revisions_project_number`;--> statement-breakpoint
CREATE UNIQUE INDEX `design_revisions_sign_number` ON `design_revisions` (`sign_id`,`number`);--> statement-breakpoint
CREATE INDEX `design_revisions_project` ON `design_revisions` (`project_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_design_drafts` (
	`sign_id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`input` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`sign_id`) REFERENCES `signs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_design_drafts`("sign_id", "project_id", "input", "updated_at") SELECT "sign_id", "project_id", "input", "updated_at" FROM `design_drafts`;--> statement-breakpoint
DROP TABLE `design_drafts`;--> statement-breakpoint
ALTER TABLE `__new_design_drafts` RENAME TO `design_drafts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `design_drafts_project` ON `design_drafts` (`project_id`);