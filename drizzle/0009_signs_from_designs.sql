-- Custom migration (drizzle-kit generate --custom): moves the existing data to the sign schedule.
-- Every project's one design becomes its first sign (mark S1, no name, quantity 1); its draft and
-- revisions get that sign's id. Revision ids, numbers and input hashes are untouched, so quote
-- revisions keep pointing at the same design revisions.
-- The sign id is derived from the project id (its random hex digits moved around, version and
-- variant digits kept: a v4-shaped uuid), so every laptop and the server migrating the same
-- project give its first sign the same id (src-shared/signs.ts firstSignId does the same).
INSERT INTO `signs` (`id`, `project_id`, `mark`, `name`, `quantity`, `position`, `created_at`, `updated_at`, `deleted_at`)
SELECT substr(`id`, 25, 8) || '-' || substr(`id`, 33, 4) || '-' || substr(`id`, 15, 4) || '-' ||
       substr(`id`, 20, 4) || '-' || substr(`id`, 1, 8) || substr(`id`, 10, 4),
       `id`, 'S1', '', 1, 0, `created_at`, `created_at`, NULL
FROM `projects`;
--> statement-breakpoint
UPDATE `design_drafts` SET `sign_id` =
  (SELECT s.`id` FROM `signs` s WHERE s.`project_id` = `design_drafts`.`project_id`);
--> statement-breakpoint
UPDATE `design_revisions` SET `sign_id` =
  (SELECT s.`id` FROM `signs` s WHERE s.`project_id` = `design_revisions`.`project_id`);
