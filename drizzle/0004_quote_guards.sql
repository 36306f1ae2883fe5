-- Custom migration (drizzle-kit generate --custom): guards drizzle's schema cannot express.
-- A price book version is immutable: an edit writes a new version.
CREATE TRIGGER `price_book_versions_no_update` BEFORE UPDATE ON `price_book_versions` BEGIN
  SELECT RAISE(ABORT, 'price book versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `price_book_versions_no_delete` BEFORE DELETE ON `price_book_versions` BEGIN
  SELECT RAISE(ABORT, 'price book versions are immutable');
END;
--> statement-breakpoint
-- A quote revision is a snapshot: only its status may change, and never once accepted.
CREATE TRIGGER `quote_revisions_snapshot` BEFORE UPDATE OF `project_id`, `number`, `note`,
  `valid_until`, `design_revision_id`, `price_book_version_id`, `priced`, `overrides`,
  `manual_lines`, `header`, `total_cents`, `created_at`, `created_by` ON `quote_revisions` BEGIN
  SELECT RAISE(ABORT, 'quote revisions are immutable snapshots');
END;
--> statement-breakpoint
CREATE TRIGGER `quote_revisions_accepted_final` BEFORE UPDATE ON `quote_revisions`
  WHEN old.status = 'accepted' BEGIN
  SELECT RAISE(ABORT, 'an accepted quote revision can never change');
END;
--> statement-breakpoint
CREATE TRIGGER `quote_revisions_accepted_kept` BEFORE DELETE ON `quote_revisions`
  WHEN old.status = 'accepted' BEGIN
  SELECT RAISE(ABORT, 'an accepted quote revision can never change');
END;
