import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
