import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const projects = sqliteTable(
  'projects',
  {
    /** INTEGER PRIMARY KEY = a stable rowid alias, which the FTS index is keyed on */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    name: text('name').notNull(),
    customerCompany: text('customer_company').notNull().default(''),
    customerContact: text('customer_contact').notNull().default(''),
    customerEmail: text('customer_email').notNull().default(''),
    customerPhone: text('customer_phone').notNull().default(''),
    siteAddress: text('site_address').notNull().default(''),
    jurisdiction: text('jurisdiction').notNull().default(''),
    notes: text('notes').notNull().default(''),
    status: text('status', {
      enum: ['draft', 'estimating', 'submitted', 'accepted', 'rejected'],
    })
      .notNull()
      .default('draft'),
    archivedAt: text('archived_at'),
    deletedAt: text('deleted_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** local edit counter; bumps on every change */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('projects_updated_idx').on(t.updatedAt),
    index('projects_status_updated_idx').on(t.status, t.updatedAt),
  ],
);
