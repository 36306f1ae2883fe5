ALTER TABLE `quote_drafts` ADD `acknowledgement` text;--> statement-breakpoint
ALTER TABLE `quote_revisions` ADD `acknowledgements` text DEFAULT '[]' NOT NULL;