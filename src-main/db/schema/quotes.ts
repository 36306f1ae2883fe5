import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { designRevisions } from './designs';
import { priceBookVersions } from './pricing';
import { projects } from './projects';
import { signs } from './signs';

/**
 * The quote being worked on for a project (one quote for the job, issue 15): price book version,
 * settings, the JOB-level overrides and manual lines (once-per-job lines). Each sign's pin (the
 * design revision it prices, its overrides and manual lines) is a quote_draft_signs row.
 * design_revision_id is the first sign's pinned revision (kept for the one-design readers).
 * acknowledgement: migrated to the first sign's pin (0012); new drafts keep it null.
 */
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
    /**
     * QuoteRevisionJob JSON (issue 15): the PricedJob snapshot and each sign's overrides and
     * manual lines as priced. Null on a revision saved before the sign schedule (one design): its
     * job is jobFromQuote of the frozen one-design snapshot, which prices the same.
     */
    job: text('job'),
  },
  (t) => [uniqueIndex('quote_revisions_project_number').on(t.projectId, t.number)],
);

/**
 * The working quote's pin of one sign: the design revision it prices (default: that sign's latest
 * revision at generation), that sign's overrides (by line code), manual lines and settings, and the
 * estimator's acknowledgement of a design that does not pass (issue 11, per sign). A sign in the
 * trash keeps its pin (restoring it brings its lines back) but is not priced.
 */
export const quoteDraftSigns = sqliteTable(
  'quote_draft_signs',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    signId: text('sign_id')
      .notNull()
      .references(() => signs.id),
    designRevisionId: text('design_revision_id')
      .notNull()
      .references(() => designRevisions.id),
    overrides: text('overrides').notNull().default('{}'),
    manualLines: text('manual_lines').notNull().default('[]'),
    acknowledgement: text('acknowledgement'),
    /** SignSettings JSON: what this sign sets instead of the job's (a monument is often unlit) */
    settings: text('settings').notNull().default('{}'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.signId] })],
);

/** Which design revision of each sign a quote revision priced, in schedule order (immutable). */
export const quoteRevisionSigns = sqliteTable(
  'quote_revision_signs',
  {
    quoteRevisionId: text('quote_revision_id')
      .notNull()
      .references(() => quoteRevisions.id),
    signId: text('sign_id')
      .notNull()
      .references(() => signs.id),
    position: integer('position').notNull(),
    designRevisionId: text('design_revision_id')
      .notNull()
      .references(() => designRevisions.id),
  },
  (t) => [
    primaryKey({ columns: [t.quoteRevisionId, t.signId] }),
    index('quote_revision_signs_design').on(t.designRevisionId),
  ],
);
