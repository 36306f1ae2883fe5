import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The local user (one row, id 'local'): the actor of every audit event on this laptop. */
export const profile = sqliteTable('profile', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  initials: text('initials').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
