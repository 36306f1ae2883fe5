import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { projects } from './projects';
import { signs } from './signs';

/**
 * The design being edited, autosaved as the estimator types (may be invalid input). A local
 * editing buffer: explicit revisions below are what is audited and synced.
 */
export const designDrafts = sqliteTable(
  'design_drafts',
  {
    /** one draft per sign (until the sign schedule, one per project) */
    signId: text('sign_id')
      .primaryKey()
      .references(() => signs.id),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    input: text('input').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('design_drafts_project').on(t.projectId)],
);

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
    /**
     * the sign this revision designs; numbers count per sign. Nullable in the column only: a NOT
     * NULL change would rebuild this table, which quote revisions reference (SQLite cannot switch
     * foreign keys off inside the migration's transaction); every writer sets it.
     */
    signId: text('sign_id').references(() => signs.id),
    number: integer('number').notNull(),
    note: text('note').notNull().default(''),
    input: text('input').notNull(),
    result: text('result').notNull(),
    engineVersion: text('engine_version').notNull(),
    inputHash: text('input_hash').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('design_revisions_sign_number').on(t.signId, t.number),
    index('design_revisions_project').on(t.projectId),
  ],
);
