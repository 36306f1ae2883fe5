import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { projects } from './projects';

/**
 * The design being edited, autosaved as the estimator types (may be invalid input). A local
 * editing buffer: explicit revisions below are what is audited and synced.
 */
export const designDrafts = sqliteTable('design_drafts', {
  projectId: text('project_id')
    .primaryKey()
    .references(() => projects.id),
  input: text('input').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * An explicit, immutable design revision: the input, the full engine result as it was shown,
 * the engine version and the input hash, so reopening it shows exactly what it showed then.
 */
export const designRevisions = sqliteTable(
  'design_revisions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    number: integer('number').notNull(),
    note: text('note').notNull().default(''),
    input: text('input').notNull(),
    result: text('result').notNull(),
    engineVersion: text('engine_version').notNull(),
    inputHash: text('input_hash').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('design_revisions_project_number').on(t.projectId, t.number)],
);
