import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The local user (one row, id 'local'): the actor of every audit event on this laptop. */
export const profile = sqliteTable('profile', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  initials: text('initials').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

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

/**
 * Append-only, hash-chained audit trail. `hash` = SHA-256(prevHash + canonical event JSON);
 * triggers in the custom migration refuse UPDATE and DELETE so history cannot be rewritten in
 * place, and verifyAuditChain() detects a row edited behind SQLite's back.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId, t.seq)],
);

/** The sync queue: one row per local change, drained in seq order by the sync client. */
export const outbox = sqliteTable('outbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  mutationId: text('mutation_id').notNull().unique(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  /** upsert/delete go through /v1/sync/push; submit and attach have their own endpoints */
  op: text('op', { enum: ['upsert', 'delete', 'submit', 'attach'] }).notNull(),
  data: text('data').notNull(),
  createdAt: text('created_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  /** set when the row was sent in a batch: a retry resends exactly that batch (idempotent) */
  batchId: text('batch_id'),
  /** the server version the row was sent against (frozen with the batch) */
  baseVersion: integer('base_version'),
  /** set when the server refused the row (batch_id = 'parked'): its code and the field at fault */
  parkCode: text('park_code'),
  parkField: text('park_field'),
  parkedAt: text('parked_at'),
});

/** Small key/value settings owned by the main process. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

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

// eslint-disable-next-line import-x/no-cycle -- removed by the schema folder split (issue 14)
export * from './schema-quotes';
export * from './schema-sync';
