import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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

/** Files of a project, kept in a content-addressed local store (file name = SHA-256). */
export const attachments = sqliteTable('attachments', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  /** the bytes are in the local store (always for local files; after download for remote ones) */
  present: integer('present', { mode: 'boolean' }).notNull().default(true),
  /** set once the server verified and recorded it */
  uploadedAt: text('uploaded_at'),
  hasThumbnail: integer('has_thumbnail', { mode: 'boolean' }).notNull().default(false),
  /** in the trash (the bytes stay in the local store; restore puts it back) */
  deletedAt: text('deleted_at'),
});

/** A multipart upload in progress: what a restart needs to continue from the last finished part. */
export const attachmentUploads = sqliteTable('attachment_uploads', {
  sha256: text('sha256').primaryKey(),
  uploadId: text('upload_id').notNull(),
  partSize: integer('part_size').notNull(),
  partCount: integer('part_count').notNull(),
  /** JSON [{partNumber, etag}] of the parts the server has */
  doneParts: text('done_parts').notNull().default('[]'),
  updatedAt: text('updated_at').notNull(),
});
