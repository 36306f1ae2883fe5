import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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

/**
 * What the sync client knows of the server: the last server version of every entity it has seen
 * (the baseVersion of the next push), so local edits are never silently applied over remote ones.
 */
export const syncEntities = sqliteTable(
  'sync_entities',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    serverVersion: integer('server_version').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** the record's data at server_version: the common base of a three-way merge */
    baseData: text('base_data'),
    /** the newest pulled change held back behind local edits: who wrote it and when */
    seenVersion: integer('seen_version'),
    seenAuthor: text('seen_author'),
    seenAt: text('seen_at'),
    /** that change's data (a discarded local change falls back to it, not to an older base) */
    seenData: text('seen_data'),
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityId] })],
);

/** A push that met a newer server copy: both versions are kept until the user resolves it. */
export const syncConflicts = sqliteTable('sync_conflicts', {
  id: text('id').primaryKey(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  mine: text('mine').notNull(),
  theirs: text('theirs'),
  theirsDeleted: integer('theirs_deleted', { mode: 'boolean' }).notNull().default(false),
  serverVersion: integer('server_version').notNull(),
  /** the data both sides started from (null when this laptop never saw it) */
  base: text('base'),
  /** who wrote "theirs" ({userId, name} JSON) and when, from the pulled change */
  theirsAuthor: text('theirs_author'),
  theirsAt: text('theirs_at'),
  createdAt: text('created_at').notNull(),
  resolvedAt: text('resolved_at'),
  resolution: text('resolution'),
});
