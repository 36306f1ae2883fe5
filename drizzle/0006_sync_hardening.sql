ALTER TABLE `outbox` ADD `park_code` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `park_field` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `parked_at` text;--> statement-breakpoint
ALTER TABLE `attachments` ADD `deleted_at` text;--> statement-breakpoint
ALTER TABLE `sync_conflicts` ADD `base` text;--> statement-breakpoint
ALTER TABLE `sync_conflicts` ADD `theirs_author` text;--> statement-breakpoint
ALTER TABLE `sync_conflicts` ADD `theirs_at` text;--> statement-breakpoint
ALTER TABLE `sync_entities` ADD `base_data` text;--> statement-breakpoint
ALTER TABLE `sync_entities` ADD `seen_version` integer;--> statement-breakpoint
ALTER TABLE `sync_entities` ADD `seen_author` text;--> statement-breakpoint
ALTER TABLE `sync_entities` ADD `seen_at` text;--> statement-breakpoint
ALTER TABLE `sync_entities` ADD `seen_data` text;