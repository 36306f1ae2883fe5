import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AttachRequest, Attachment } from '../../src-shared/sync/protocol';
import type { AuthUser } from '../auth/tokens';
import type { Db } from '../db/client';
import { records } from '../db/schema';
import { ApiError, notFound } from '../http/errors';
import type { ObjectStore } from '../storage/s3';
import { audit } from './audit';
import { lockKeys, reserveSeqs, withRetry } from './org-lock';
import { findLive } from './records';
import { objectKey, promote, stagingKey, verifiedState } from './verified-objects';

/**
 * Attach: a file is recorded on a project only after the server has checked its size and
 * SHA-256 itself. The bytes come from the verified content address when a genuine copy is already
 * there, else from the caller's staging upload, which is hashed and then promoted
 * (verified-objects.ts). A failed check removes that staging upload only.
 */

export { abortMultipart, completeMultipart, presign, presignParts } from './uploads';

export function toAttachment(r: typeof records.$inferSelect): Attachment {
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

/** Field by field: jsonb gives keys back in its own order, so JSON text cannot be compared. */
function sameAttachment(stored: Record<string, unknown>, wanted: Record<string, unknown>) {
  return (
    String(stored.projectId).toLowerCase() === wanted.projectId &&
    stored.sha256 === wanted.sha256 &&
    Number(stored.size) === wanted.size &&
    stored.fileName === wanted.fileName &&
    stored.contentType === wanted.contentType
  );
}

const mismatch = (field: string, msg: string) =>
  new ApiError(422, 'HASH_MISMATCH', `Uploaded object does not match: ${msg}`, { [field]: msg });

/** Makes sure a genuine copy of the announced content is at the verified key, or throws 422. */
async function verifyUpload(db: Db, store: ObjectStore, user: AuthUser, req: AttachRequest) {
  const verified = await verifiedState(db, store, user.orgId, req.sha256);
  const staging = stagingKey(user.orgId, user.userId, req.sha256, req.size);
  if (verified.kind === 'genuine') {
    if (verified.size !== req.size) {
      throw mismatch(
        'size',
        `the file with this SHA-256 has ${verified.size} bytes, not ${req.size}`,
      );
    }
    // Already verified (another upload of the same file won): this caller's copy is not needed.
    await store.remove(staging).catch(() => undefined);
    return;
  }
  const st = await store.stat(staging);
  if (!st) {
    throw new ApiError(422, 'UPLOAD_MISSING', 'No uploaded object has that SHA-256 yet.', {
      sha256: 'not uploaded',
    });
  }
  const actual = st.size === req.size ? await store.sha256(staging) : { sha256: '', size: st.size };
  if (actual.sha256 !== req.sha256 || actual.size !== req.size) {
    // Only this caller's own staging copy is removed, so a fresh upload can replace it.
    await store.remove(staging).catch(() => undefined);
    throw actual.size !== req.size
      ? mismatch('size', `stored ${actual.size} bytes, announced ${req.size}`)
      : mismatch('sha256', 'the uploaded bytes hash to a different SHA-256');
  }
  await promote(db, store, user.orgId, req.sha256, staging);
}

export async function attach(
  db: Db,
  store: ObjectStore,
  user: AuthUser,
  req: AttachRequest,
): Promise<{ attachment: Attachment; created: boolean }> {
  if (!(await findLive(db, user.orgId, 'project', req.projectId))) throw notFound('Project');
  const id = (req.id ?? randomUUID()).toLowerCase();
  const data = {
    projectId: req.projectId.toLowerCase(),
    sha256: req.sha256,
    size: req.size,
    fileName: req.fileName,
    contentType: req.contentType,
  };
  const find = (tx: Db) =>
    tx
      .select()
      .from(records)
      .where(
        and(eq(records.orgId, user.orgId), eq(records.entity, 'attachment'), eq(records.id, id)),
      );
  // The same request again (its answer was lost): the same answer, without hashing again.
  const earlier = (await find(db))[0];
  if (earlier && sameAttachment(earlier.data, data)) {
    return { attachment: toAttachment(earlier), created: false };
  }
  if (earlier)
    throw new ApiError(409, 'CONFLICT', `Attachment ${id} already exists with other content.`);

  await verifyUpload(db, store, user, req);
  return withRetry(db, async (tx) => {
    // The file record and its project (shared) are locked (org-lock.ts); re-checked under the lock: the project may have been deleted while we were hashing, and a
    // concurrent identical attach may have recorded it first.
    await lockKeys(tx, user.orgId, [
      { key: `attachment:${id}`, exclusive: true },
      { key: `project:${data.projectId}`, exclusive: false },
    ]);
    if (!(await findLive(tx, user.orgId, 'project', req.projectId))) throw notFound('Project');
    const prev = (await find(tx as unknown as Db))[0];
    if (prev) {
      if (sameAttachment(prev.data, data))
        return { attachment: toAttachment(prev), created: false };
      throw new ApiError(409, 'CONFLICT', `Attachment ${id} already exists with other content.`);
    }
    const seq = (await reserveSeqs(tx, user.orgId, 1)) + 1;
    const rows = await tx
      .insert(records)
      .values({
        orgId: user.orgId,
        entity: 'attachment',
        id,
        version: 1,
        data,
        seq,
        updatedBy: user.userId,
      })
      .returning();
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
