import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Price book versions (issue 6). A version is immutable: editing or importing writes a new one,
 * so a quote that used version 3 always reprices to the same cents. The items are one JSON array
 * (validated by src-shared/quotes priceItemsSchema) because a version is read and written whole.
 */
export const priceBookVersions = sqliteTable(
  'price_book_versions',
  {
    id: text('id').primaryKey(),
    number: integer('number').notNull(),
    /** YYYY-MM-DD: quotes generated on or after this day use this version */
    effectiveDate: text('effective_date').notNull(),
    note: text('note').notNull().default(''),
    source: text('source', { enum: ['seed', 'edit', 'import'] }).notNull(),
    items: text('items').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('price_book_versions_number').on(t.number),
    index('price_book_versions_effective').on(t.effectiveDate, t.number),
  ],
);
