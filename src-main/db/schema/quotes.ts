import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { designRevisions } from './designs';
import { priceBookVersions } from './pricing';
import { projects } from './projects';

/** The quote being worked on for a project: design revision, settings, overrides, manual lines. */
export const quoteDrafts = sqliteTable('quote_drafts', {
  projectId: text('project_id')
    .primaryKey()
    .references(() => projects.id),
  designRevisionId: text('design_revision_id')
    .notNull()
    .references(() => designRevisions.id),
  priceBookVersionId: text('price_book_version_id')
    .notNull()
    .references(() => priceBookVersions.id),
  settings: text('settings').notNull(),
  overrides: text('overrides').notNull(),
  manualLines: text('manual_lines').notNull(),
  /** DesignAcknowledgement JSON: quoting a design that does not pass (issue 11); null = none */
  acknowledgement: text('acknowledgement'),
  updatedAt: text('updated_at').notNull(),
});

/**
 * An immutable quote revision: the priced snapshot (lines and totals as shown), what it was priced
 * from (design revision, price book version) and the header printed on the PDF. Only the status
 * columns ever change, and never once accepted (service rule + trigger in the custom migration).
 */
export const quoteRevisions = sqliteTable(
  'quote_revisions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    number: integer('number').notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ['draft', 'sent', 'accepted', 'declined', 'expired'] })
      .notNull()
      .default('draft'),
    validUntil: text('valid_until').notNull(),
    designRevisionId: text('design_revision_id')
      .notNull()
      .references(() => designRevisions.id),
    priceBookVersionId: text('price_book_version_id')
      .notNull()
      .references(() => priceBookVersions.id),
    /** PricedQuote JSON: design facts, settings, lines, totals, warnings */
    priced: text('priced').notNull(),
    overrides: text('overrides').notNull(),
    manualLines: text('manual_lines').notNull(),
    /** company and customer as printed */
    header: text('header').notNull(),
    totalCents: integer('total_cents').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    statusChangedAt: text('status_changed_at'),
    statusChangedBy: text('status_changed_by'),
    /**
     * DesignAcknowledgement[] JSON: who accepted quoting (kind generate) and sending (kind send) a
     * design that does not pass. Appended to when the quote is sent, so not in the snapshot trigger.
     */
    acknowledgements: text('acknowledgements').notNull().default('[]'),
  },
  (t) => [uniqueIndex('quote_revisions_project_number').on(t.projectId, t.number)],
);
