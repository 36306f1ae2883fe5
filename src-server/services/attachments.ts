import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type {
  AttachRequest,
  Attachment,
  PresignRequest,
  PresignResponse,
} from '../../src-shared/sync/protocol';
import type { AuthUser } from '../auth/tokens';
import type { Db } from '../db/client';
import { multipartUploads, records } from '../db/schema';
import { ApiError, notFound } from '../http/errors';
import type { ObjectStore } from '../storage/s3';
import { audit } from './audit';
import { lockOrg, saveSeq } from './org-lock';
import { findLive } from './records';

/**
 * Content-addressed attachments: the object key is `org/<orgId>/sha256/<hex>`, derived from the
 * caller's org, so a client can only ever write or read its own org's prefix. Nothing is recorded
 * until the server has streamed the object back and checked its size and SHA-256 itself.
 */

export interface AttachmentLimits {
  multipartThresholdBytes: number;
  partSizeBytes: number;
  presignExpirySeconds: number;
}

export const objectKey = (orgId: string, sha256: string) => `org/${orgId}/sha256/${sha256}`;

export async function presign(
  db: Db,
  store: ObjectStore,
  user: AuthUser,
  req: PresignRequest,
  lim: AttachmentLimits,
): Promise<PresignResponse> {
  const key = objectKey(user.orgId, req.sha256);
  const existing = await store.stat(key);
  // Same size is a cheap sanity check; attach still hashes before recording anything.
  if (existing && existing.size === req.size) return { mode: 'exists', exists: true, key };
  const expiresAt = new Date(Date.now() + lim.presignExpirySeconds * 1000).toISOString();
  if (req.size <= lim.multipartThresholdBytes) {
    const url = await store.presignPut(key, lim.presignExpirySeconds);
    return { mode: 'single', exists: false, key, url, method: 'PUT', expiresAt };
  }
  const partSize = lim.partSizeBytes;
  const count = Math.ceil(req.size / partSize);
  if (count > 10_000) {
    throw new ApiError(400, 'VALIDATION', 'size needs more than 10,000 parts', { size: 'too big' });
  }
  const uploadId = await store.initiateMultipart(key, req.contentType);
  await db.insert(multipartUploads).values({
    uploadId,
    orgId: user.orgId,
    objectKey: key,
    sha256: req.sha256,
    size: req.size,
    partSize,
    createdBy: user.userId,
  });
  const parts = await Promise.all(
    Array.from({ length: count }, async (_, i) => ({
      partNumber: i + 1,
      url: await store.presignPart(key, uploadId, i + 1, lim.presignExpirySeconds),
    })),
  );
  return { mode: 'multipart', exists: false, key, uploadId, partSize, parts, expiresAt };
}

async function ownUpload(db: Db, user: AuthUser, uploadId: string, sha256: string) {
  const rows = await db
    .select()
    .from(multipartUploads)
    .where(and(eq(multipartUploads.uploadId, uploadId), eq(multipartUploads.orgId, user.orgId)));
  const row = rows[0];
  if (!row || row.sha256 !== sha256) throw notFound('Upload');
  return row;
}

export async function completeMultipart(
  db: Db,
  store: ObjectStore,
  user: AuthUser,
  req: { sha256: string; uploadId: string; parts: { partNumber: number; etag: string }[] },
): Promise<{ key: string }> {
  const row = await ownUpload(db, user, req.uploadId, req.sha256);
  await store.completeMultipart(row.objectKey, row.uploadId, req.parts);
  await db.delete(multipartUploads).where(eq(multipartUploads.uploadId, row.uploadId));
  return { key: row.objectKey };
}

/**
 * Fresh part URLs for an upload already under way: a client that restarted (or waited past the
 * URLs' expiry) continues from its last finished part instead of starting over.
 */
export async function presignParts(
  db: Db,
  store: ObjectStore,
  user: AuthUser,
  req: { sha256: string; uploadId: string; partNumbers: number[] },
  lim: { presignExpirySeconds: number },
): Promise<{ parts: { partNumber: number; url: string }[]; expiresAt: string }> {
  const row = await ownUpload(db, user, req.uploadId, req.sha256);
  const parts = await Promise.all(
    req.partNumbers.map(async (n) => ({
      partNumber: n,
      url: await store.presignPart(row.objectKey, row.uploadId, n, lim.presignExpirySeconds),
    })),
  );
  return { parts, expiresAt: new Date(Date.now() + lim.presignExpirySeconds * 1000).toISOString() };
}

export async function abortMultipart(
  db: Db,
  store: ObjectStore,
  user: AuthUser,
  req: { sha256: string; uploadId: string },
): Promise<void> {
  const row = await ownUpload(db, user, req.uploadId, req.sha256);
  await store.abortMultipart(row.objectKey, row.uploadId);
  await db.delete(multipartUploads).where(eq(multipartUploads.uploadId, row.uploadId));
}

function toAttachment(r: typeof records.$inferSelect): Attachment {
  const d = r.data as Record<string, string | number>;
  return {
    id: r.id,
    projectId: String(d.projectId),
    sha256: String(d.sha256),
    size: Number(d.size),
    fileName: String(d.fileName),
    contentType: String(d.contentType),
    version: r.version,
    seq: r.seq,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function attach(
  db: Db,
  store: ObjectStore,
  user: AuthUser,
  req: AttachRequest,
): Promise<{ attachment: Attachment; created: boolean }> {
  if (!(await findLive(db, user.orgId, 'project', req.projectId))) throw notFound('Project');
  const key = objectKey(user.orgId, req.sha256);
  const st = await store.stat(key);
  if (!st) {
    throw new ApiError(422, 'UPLOAD_MISSING', 'No uploaded object has that SHA-256 yet.', {
      sha256: 'not uploaded',
    });
  }
  const mismatch = (field: string, msg: string) =>
    new ApiError(422, 'HASH_MISMATCH', `Uploaded object does not match: ${msg}`, { [field]: msg });
  if (st.size !== req.size)
    throw mismatch('size', `stored ${st.size} bytes, announced ${req.size}`);
  const actual = await store.sha256(key);
  if (actual.sha256 !== req.sha256 || actual.size !== req.size) {
    // The bytes under this content address are wrong; remove them so a fresh upload can replace
    // them (presign would otherwise answer "exists").
    await store.remove(key).catch(() => undefined);
    throw mismatch('sha256', 'the uploaded bytes hash to a different SHA-256');
  }

  const id = req.id ?? randomUUID();
  const data = {
    projectId: req.projectId,
    sha256: req.sha256,
    size: req.size,
    fileName: req.fileName,
    contentType: req.contentType,
  };
  return db.transaction(async (tx) => {
    let seq = await lockOrg(tx, user.orgId);
    // Re-checked under the lock: the project may have been deleted while we were hashing.
    if (!(await findLive(tx, user.orgId, 'project', req.projectId))) throw notFound('Project');
    const prev = await tx
      .select()
      .from(records)
      .where(
        and(eq(records.orgId, user.orgId), eq(records.entity, 'attachment'), eq(records.id, id)),
      );
    if (prev[0]) {
      const same = JSON.stringify(prev[0].data) === JSON.stringify(data) && !prev[0].deleted;
      if (same) return { attachment: toAttachment(prev[0]), created: false };
      throw new ApiError(409, 'CONFLICT', `Attachment ${id} already exists with other content.`);
    }
    const rows = await tx
      .insert(records)
      .values({
        orgId: user.orgId,
        entity: 'attachment',
        id,
        version: 1,
        data,
        seq: ++seq,
        updatedBy: user.userId,
      })
      .returning();
    await saveSeq(tx, user.orgId, seq);
    await audit(tx, [
      {
        orgId: user.orgId,
        userId: user.userId,
        action: 'attachment.attach',
        entity: 'attachment',
        entityId: id,
        after: data,
      },
    ]);
    return { attachment: toAttachment(rows[0]), created: true };
  });
}

export async function download(
  db: Db,
  store: ObjectStore,
  user: AuthUser,
  id: string,
  expirySeconds: number,
) {
  const row = await findLive(db, user.orgId, 'attachment', id);
  if (!row) throw notFound('Attachment');
  const a = toAttachment(row);
  const url = await store.presignGet(objectKey(user.orgId, a.sha256), expirySeconds, a.fileName);
  return {
    url,
    expiresAt: new Date(Date.now() + expirySeconds * 1000).toISOString(),
    sha256: a.sha256,
    size: a.size,
    fileName: a.fileName,
    contentType: a.contentType,
  };
}
