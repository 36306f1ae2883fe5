import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { projects } from './projects';

/**
 * A project's sign schedule: each sign ("S1 pylon", "S2 monument north" x 2) has its own design
 * draft and revision line (design_drafts / design_revisions.sign_id). Removal is to the trash
 * (deleted_at), so an undo brings the sign back with its designs.
 */
export const signs = sqliteTable(
  'signs',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    mark: text('mark').notNull(),
    name: text('name').notNull().default(''),
    quantity: integer('quantity').notNull().default(1),
    /** order in the schedule (0, 1, 2, ...; a reorder rewrites them) */
    position: integer('position').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    index('signs_project_position').on(t.projectId, t.position),
    // the services validate first (a message naming the field); this keeps a bad row out anyway
    check('signs_quantity_range', sql`${t.quantity} BETWEEN 1 AND 999`),
  ],
);
