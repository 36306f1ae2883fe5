-- Custom migration (drizzle-kit generate --custom): the existing quotes become one-sign jobs
-- (issue 15), as jobFromQuote (src-main/services/pricing/price-job.ts) turns a one-design quote
-- into a job of one sign x 1: the overrides of once-per-job lines (the item's effective `per` is
-- job: `per` = 'job', or no `per` and category travel; only labor, equipment, fee and travel may
-- be per job) stay on the job, the others and the manual lines move to the sign.
--
-- 1. Each working quote pins its design revision's sign, with that sign's overrides, the manual
--    lines and the acknowledgement (quoting a failing design is acknowledged per sign now).
INSERT INTO `quote_draft_signs` (`project_id`, `sign_id`, `design_revision_id`, `overrides`, `manual_lines`, `acknowledgement`)
SELECT d.`project_id`, r.`sign_id`, d.`design_revision_id`,
       COALESCE((SELECT json_group_object(o.key, json(o.value)) FROM json_each(d.`overrides`) o
                 WHERE o.key NOT IN (
                   SELECT json_extract(i.value, '$.code')
                   FROM `price_book_versions` b, json_each(b.`items`) i
                   WHERE b.`id` = d.`price_book_version_id`
                     AND json_extract(i.value, '$.category') IN ('labor', 'equipment', 'fee', 'travel')
                     AND (json_extract(i.value, '$.per') = 'job'
                          OR (json_extract(i.value, '$.per') IS NULL
                              AND json_extract(i.value, '$.category') = 'travel')))), '{}'),
       d.`manual_lines`, d.`acknowledgement`
FROM `quote_drafts` d JOIN `design_revisions` r ON r.`id` = d.`design_revision_id`
WHERE r.`sign_id` IS NOT NULL;
--> statement-breakpoint
-- 2. The working quote keeps only the job's overrides (once-per-job lines) and no manual line.
UPDATE `quote_drafts` SET
  `overrides` = COALESCE((SELECT json_group_object(o.key, json(o.value)) FROM json_each(`quote_drafts`.`overrides`) o
                 WHERE o.key IN (
                   SELECT json_extract(i.value, '$.code')
                   FROM `price_book_versions` b, json_each(b.`items`) i
                   WHERE b.`id` = `quote_drafts`.`price_book_version_id`
                     AND json_extract(i.value, '$.category') IN ('labor', 'equipment', 'fee', 'travel')
                     AND (json_extract(i.value, '$.per') = 'job'
                          OR (json_extract(i.value, '$.per') IS NULL
                              AND json_extract(i.value, '$.category') = 'travel')))), '{}'),
  `manual_lines` = '[]',
  `acknowledgement` = NULL;
--> statement-breakpoint
-- 3. Each quote revision pins its one design revision's sign. The revision row itself is not
--    touched (its snapshot, number, total and PDF stay; `job` stays null = a one-design snapshot).
INSERT INTO `quote_revision_signs` (`quote_revision_id`, `sign_id`, `position`, `design_revision_id`)
SELECT q.`id`, r.`sign_id`, 0, q.`design_revision_id`
FROM `quote_revisions` q JOIN `design_revisions` r ON r.`id` = q.`design_revision_id`
WHERE r.`sign_id` IS NOT NULL;
--> statement-breakpoint
-- 4. The job snapshot is part of the frozen revision: add it to the snapshot guard.
DROP TRIGGER `quote_revisions_snapshot`;
--> statement-breakpoint
CREATE TRIGGER `quote_revisions_snapshot` BEFORE UPDATE OF `project_id`, `number`, `note`,
  `valid_until`, `design_revision_id`, `price_book_version_id`, `priced`, `overrides`,
  `manual_lines`, `header`, `total_cents`, `created_at`, `created_by`, `job` ON `quote_revisions` BEGIN
  SELECT RAISE(ABORT, 'quote revisions are immutable snapshots');
END;
--> statement-breakpoint
CREATE TRIGGER `quote_revision_signs_immutable` BEFORE UPDATE ON `quote_revision_signs` BEGIN
  SELECT RAISE(ABORT, 'quote revisions are immutable snapshots');
END;
