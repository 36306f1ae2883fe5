import { z } from 'zod';
import {
  attachmentSchema,
  attachRequestSchema,
  downloadResponseSchema,
  multipartAbortRequestSchema,
  multipartPartsRequestSchema,
  multipartPartsResponseSchema,
  multipartCompleteRequestSchema,
  presignRequestSchema,
  presignResponseSchema,
} from '../../src-shared/sync/protocol';
import type { RouteDeps } from '../context';
import { ANY_ROLE, defineRoute } from '../http/route';
import * as svc from '../services/attachments';

/**
 * The content type travels into S3 as a header and back on every download, so the server takes
 * a MIME type only (`type/subtype`, parameters allowed), printable ASCII: no CR, LF or NUL.
 */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const mimeType = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { message: 'is required' })
  .max(255, { message: 'must be at most 255 characters' })
  .regex(new RegExp(`^${TOKEN}/${TOKEN}( *;[\x20-\x7e]*)?$`), {
    message: 'must be a MIME type like image/jpeg (printable ASCII, no line breaks)',
  });
const presignBody = presignRequestSchema.extend({ contentType: mimeType });
const attachBody = attachRequestSchema.extend({ contentType: mimeType });

// Field staff attach site photos too, so every role may upload and download.
export function attachmentRoutes({ app, database, store, settings }: RouteDeps): void {
  const db = database.db;
  const limits = {
    multipartThresholdBytes: settings.multipartThresholdBytes,
    partSizeBytes: settings.partSizeBytes,
    presignExpirySeconds: settings.presignExpirySeconds,
  };

  defineRoute(app, db, {
    method: 'POST',
    url: '/v1/attachments/presign',
    summary: 'Upload URL(s) for a file by SHA-256; `exists: true` means skip the upload',
    tags: ['attachments'],
    auth: ANY_ROLE,
    body: presignBody,
    response: { 200: presignResponseSchema },
    handler: ({ user, body }) => svc.presign(db, store, user, body, limits),
  });

  defineRoute(app, db, {
    method: 'POST',
    url: '/v1/attachments/multipart/complete',
    summary: 'Join the uploaded parts of a multipart upload (send each part ETag)',
    tags: ['attachments'],
    auth: ANY_ROLE,
    body: multipartCompleteRequestSchema,
    response: { 200: z.object({ key: z.string() }) },
    handler: ({ user, body }) => svc.completeMultipart(db, store, user, body),
  });

  defineRoute(app, db, {
    method: 'POST',
    url: '/v1/attachments/multipart/parts',
    summary: 'Fresh part URLs for an upload under way (resume after a restart)',
    tags: ['attachments'],
    auth: ANY_ROLE,
    body: multipartPartsRequestSchema,
    response: { 200: multipartPartsResponseSchema },
    handler: ({ user, body }) => svc.presignParts(db, store, user, body, limits),
  });

  defineRoute(app, db, {
    method: 'POST',
    url: '/v1/attachments/multipart/abort',
    summary: 'Abandon a multipart upload and free its parts',
    tags: ['attachments'],
    auth: ANY_ROLE,
    body: multipartAbortRequestSchema,
    response: { 200: z.object({ ok: z.literal(true) }) },
    handler: async ({ user, body }) => {
      await svc.abortMultipart(db, store, user, body);
      return { ok: true as const };
    },
  });

  defineRoute(app, db, {
    method: 'POST',
    url: '/v1/attachments/attach',
    summary: 'Verify an uploaded object (size + SHA-256) and record it on a project',
    tags: ['attachments'],
    auth: ANY_ROLE,
    body: attachBody,
    response: { 201: attachmentSchema },
    handler: async ({ user, body, reply }) => {
      // 201 for a resend too: the same request gets the same answer (a lost answer is retried).
      const { attachment } = await svc.attach(db, store, user, body);
      void reply.code(201);
      return attachment;
    },
  });

  defineRoute(app, db, {
    method: 'GET',
    url: '/v1/attachments/:id/download',
    summary: 'A short-lived presigned GET URL for an attachment',
    tags: ['attachments'],
    auth: ANY_ROLE,
    params: z.object({ id: z.uuid({ error: 'must be a UUID' }) }),
    response: { 200: downloadResponseSchema },
    handler: ({ user, params }) =>
      svc.download(db, store, user, params.id, settings.presignExpirySeconds),
  });
}
