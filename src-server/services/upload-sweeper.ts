import { eq, lt } from 'drizzle-orm';
import { pruneLoginState, type AccountLimit } from '../auth/login-throttle';
import type { Db } from '../db/client';
import { multipartUploads } from '../db/schema';
import type { ObjectStore } from '../storage/s3';
import { STAGING_PREFIX } from './verified-objects';

/**
 * Uploads do not live forever. An upload older than its lifetime (UPLOAD_LIFETIME_SECONDS,
 * default 24 h) is abandoned: an open multipart upload is aborted in S3 (its parts freed) and
 * forgotten, and a staging copy that was never attached is removed. A client that comes back
 * later is told the upload is gone (404 / UPLOAD_MISSING) and uploads again. Every API instance
 * runs this; it is idempotent (an upload already aborted is fine).
 */

export interface SweepReport {
  abortedUploads: number;
  removedStaging: number;
}

export async function sweepStaleUploads(
  db: Db,
  store: ObjectStore,
  lifetimeMs: number,
  loginLimit: AccountLimit,
  now = Date.now(),
): Promise<SweepReport> {
  const cutoff = new Date(now - lifetimeMs);
  const stale = await db
    .select()
    .from(multipartUploads)
    .where(lt(multipartUploads.createdAt, cutoff));
  let abortedUploads = 0;
  for (const row of stale) {
    if (!row.completedAt) {
      await store.abortMultipart(row.objectKey, row.uploadId);
      abortedUploads++;
    }
    await db.delete(multipartUploads).where(eq(multipartUploads.uploadId, row.uploadId));
  }
  let removedStaging = 0;
  for (const obj of await store.list(STAGING_PREFIX)) {
    if (obj.lastModified.getTime() >= cutoff.getTime()) continue;
    await store.remove(obj.key);
    removedStaging++;
  }
  await pruneLoginState(db, loginLimit);
  return { abortedUploads, removedStaging };
}
