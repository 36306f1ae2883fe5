import { and, eq, isNull } from 'drizzle-orm';
import type { PresignRequest, PresignResponse } from '../../src-shared/sync/protocol';
import type { AuthUser } from '../auth/tokens';
import type { Db } from '../db/client';
import { multipartUploads } from '../db/schema';
import { ApiError, notFound } from '../http/errors';
import { StorageError } from '../storage/errors';
import type { ObjectStore } from '../storage/s3';
import { objectKey, stagingKey, verifiedState } from './verified-objects';

/**
 * Presign and multipart uploads. Every URL handed out points at the caller's own staging key
 * (verified-objects.ts), never at the verified content address: nothing a client PUTs can replace
 * a file the server has already checked. `key` in the answers is the content address the file
 * will have once attach has verified it.
 */

export interface UploadLimits {
  multipartThresholdBytes: number;
  partSizeBytes: number;
  presignExpirySeconds: number;
}

const MAX_PARTS = 10_000;

export async function presign(
  db: Db,
  store: ObjectStore,
  user: AuthUser,
  req: PresignRequest,
  lim: UploadLimits,
): Promise<PresignResponse> {
  const key = objectKey(user.orgId, req.sha256);
  const verified = await verifiedState(db, store, user.orgId, req.sha256);
  if (verified.kind === 'genuine') {
    if (verified.size === req.size) return { mode: 'exists', exists: true, key };
    // A SHA-256 names one content, so one size: the announced size is wrong, not the stored file.
    const msg = `a file with this SHA-256 is stored with ${verified.size} bytes, not ${req.size}`;
    throw new ApiError(422, 'HASH_MISMATCH', `Upload refused: ${msg}.`, { size: msg });
  }
  const staging = stagingKey(user.orgId, user.userId, req.sha256, req.size);
  const staged = await store.stat(staging);
  // Uploaded before (the attach answer was lost): attach verifies it, no need to send it again.
  if (staged && staged.size === req.size) return { mode: 'exists', exists: true, key };

  const expiresAt = new Date(Date.now() + lim.presignExpirySeconds * 1000).toISOString();
  if (req.size <= lim.multipartThresholdBytes) {
    const url = await store.presignPut(staging, lim.presignExpirySeconds);
    return { mode: 'single', exists: false, key, url, method: 'PUT', expiresAt };
  }
  const partSize = lim.partSizeBytes;
  const count = Math.ceil(req.size / partSize);
  if (count > MAX_PARTS) {
    const msg = `needs ${count} parts of ${partSize} bytes; S3 allows ${MAX_PARTS}`;
    throw new ApiError(400, 'VALIDATION', `Invalid body: size ${msg}`, { 'body.size': msg });
  }
  const uploadId = await store.initiateMultipart(staging, req.contentType);
  try {
    await db.insert(multipartUploads).values({
      uploadId,
      orgId: user.orgId,
      objectKey: staging,
      sha256: req.sha256,
      size: req.size,
      partSize,
      createdBy: user.userId,
    });
  } catch (err) {
    // Not recorded, so the sweeper would never find it: free its parts now.
    await store.abortMultipart(staging, uploadId).catch(() => undefined);
    throw err;
  }
  const parts = await Promise.all(
    Array.from({ length: count }, async (_, i) => ({
      partNumber: i + 1,
      url: await store.presignPart(staging, uploadId, i + 1, lim.presignExpirySeconds),
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

/** The listed parts must be exactly 1..n of the plan, each once: say which are wrong. */
function checkPartList(parts: { partNumber: number }[], expected: number): void {
  const seen = new Set<number>();
  const problems: string[] = [];
  for (const p of parts) {
    if (seen.has(p.partNumber)) problems.push(`part ${p.partNumber} is listed twice`);
    else if (p.partNumber > expected) problems.push(`part ${p.partNumber} is not in the plan`);
    seen.add(p.partNumber);
  }
  const missing = Array.from({ length: expected }, (_, i) => i + 1).filter((n) => !seen.has(n));
  if (missing.length) {
    const list =
      missing.length > 10 ? `${missing.slice(0, 10).join(', ')}, ...` : missing.join(', ');
    problems.push(`part${missing.length > 1 ? 's' : ''} ${list} missing`);
  }
  if (problems.length) {
    const msg = `${problems.join('; ')} (this upload has ${expected} parts)`;
    throw new ApiError(400, 'VALIDATION', `Invalid body: parts ${msg}`, { 'body.parts': msg });
  }
}

export async function completeMultipart(
  db: Db,
  store: ObjectStore,
  user: AuthUser,
  req: { sha256: string; uploadId: string; parts: { partNumber: number; etag: string }[] },
): Promise<{ key: string }> {
  const row = await ownUpload(db, user, req.uploadId, req.sha256);
  const key = objectKey(user.orgId, row.sha256);
  // A resend after a lost answer gets the same answer; the object was assembled the first time.
  if (row.completedAt) return { key };
  checkPartList(req.parts, Math.ceil(row.size / row.partSize));
  try {
    await store.completeMultipart(row.objectKey, row.uploadId, req.parts);
  } catch (err) {
    if (!(err instanceof StorageError) || err.fault === 'unavailable') throw err;
    if (err.fault === 'not-found') {
      // Completed by an earlier call whose answer (or bookkeeping) was lost: the same answer.
      if ((await store.stat(row.objectKey))?.size !== row.size) {
        await db.delete(multipartUploads).where(eq(multipartUploads.uploadId, row.uploadId));
        throw new ApiError(404, 'NOT_FOUND', 'Upload was not found: it was abandoned or expired.');
      }
    } else {
      throw new ApiError(400, 'VALIDATION', `Invalid body: parts: ${err.message}`, {
        'body.parts': err.message,
      });
    }
  }
  await db
    .update(multipartUploads)
    .set({ completedAt: new Date() })
    .where(and(eq(multipartUploads.uploadId, row.uploadId), isNull(multipartUploads.completedAt)));
  return { key };
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
  if (row.completedAt) throw new ApiError(404, 'NOT_FOUND', 'Upload was already completed.');
  const expected = Math.ceil(row.size / row.partSize);
  const outside = req.partNumbers.filter((n) => n > expected);
  if (outside.length) {
    const msg = `part ${outside[0]} is not in the plan (this upload has ${expected} parts)`;
    throw new ApiError(400, 'VALIDATION', `Invalid body: partNumbers ${msg}`, {
      'body.partNumbers': msg,
    });
  }
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
  if (!row.completedAt) await store.abortMultipart(row.objectKey, row.uploadId);
  await db.delete(multipartUploads).where(eq(multipartUploads.uploadId, row.uploadId));
}
