-- Custom migration (drizzle-kit generate --custom): things drizzle's schema cannot express.
-- Full-text search over name, customer, address, jurisdiction and notes (SQLite FTS5, external
-- content table kept in step by triggers).
CREATE VIRTUAL TABLE `projects_fts` USING fts5(
  name, customer, site_address, notes,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `projects_fts_ai` AFTER INSERT ON `projects` BEGIN
  INSERT INTO projects_fts(rowid, name, customer, site_address, notes)
  VALUES (new.seq, new.name,
          new.customer_company || ' ' || new.customer_contact || ' ' || new.customer_email,
          new.site_address || ' ' || new.jurisdiction, new.notes);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_ad` AFTER DELETE ON `projects` BEGIN
  DELETE FROM projects_fts WHERE rowid = old.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_au` AFTER UPDATE OF name, customer_company, customer_contact,
  customer_email, site_address, jurisdiction, notes ON `projects` BEGIN
  DELETE FROM projects_fts WHERE rowid = old.seq;
  INSERT INTO projects_fts(rowid, name, customer, site_address, notes)
  VALUES (new.seq, new.name,
          new.customer_company || ' ' || new.customer_contact || ' ' || new.customer_email,
          new.site_address || ' ' || new.jurisdiction, new.notes);
END;
--> statement-breakpoint
-- The audit trail is append-only: refuse edits and deletes at the database level.
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events` BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events` BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
