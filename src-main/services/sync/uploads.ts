import { eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { AppError } from '../../../src-shared/errors';
import fs from 'node:fs';
import { attachments, attachmentUploads, outbox } from '../../db/schema';
import type { ServiceContext } from '../context';
import { markPresent, type FileStore } from '../attachments';
import { SyncHttpError, type SyncApi } from './api';
import { park } from './park';
import type { OutboxRow } from './push';
import { setServerVersion } from './state';
import { partsInFlight } from './uploads-parallel';

export interface Progress {
  label: string;
  doneBytes: number;
  totalBytes: number;
}

interface UploadState {
  upload_id: string;
  part_size: number;
  part_count: number;
  done_parts: string;
}

/** The attachment_uploads columns an UploadState reads. */
const UPLOAD_STATE = {
  upload_id: attachmentUploads.uploadId,
  part_size: attachmentUploads.partSize,
  part_count: attachmentUploads.partCount,
  done_parts: attachmentUploads.doneParts,
};
const uploadOf = (sha256: string) => eq(attachmentUploads.sha256, sha256);

function readSlice(file: string, start: number, length: number): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    let off = 0;
    while (off < length) {
      const n = fs.readSync(fd, buf, off, length - off, start + off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * presign -> PUT (single or multipart) -> attach. A multipart upload records each finished part
 * (its ETag) in SQLite as it lands, so after a crash or restart the upload continues from the
 * last finished part instead of starting over. The server verifies size and SHA-256 at attach.
 */
export async function pushAttachment(
  ctx: ServiceContext,
  api: SyncApi,
  files: FileStore,
  row: OutboxRow,
  onProgress: (p: Progress) => void,
): Promise<void> {
  const meta = JSON.parse(row.data) as {
    id: string;
    projectId: string;
    sha256: string;
    size: number;
    fileName: string;
    contentType: string;
  };
  const file = files.pathOf(meta.sha256);
  if (!fs.existsSync(file)) {
    park(
      ctx.sqlite,
      [row.seq],
      { code: 'FILE_MISSING', message: 'The local copy of this file is missing.' },
      ctx.now(),
    );
    return;
  }
  const label = `Uploading ${meta.fileName}`;
  const state: UploadState | undefined = ctx.db
    .select(UPLOAD_STATE)
    .from(attachmentUploads)
    .where(uploadOf(meta.sha256))
    .get();
  try {
    if (state) await resumeMultipart(ctx, api, file, meta, state, label, onProgress);
    else {
      const p = await api.presign({
        sha256: meta.sha256,
        size: meta.size,
        contentType: meta.contentType,
        fileName: meta.fileName,
      });
      if (p.mode === 'single') {
        onProgress({ label, doneBytes: 0, totalBytes: meta.size });
        await api.putObject(p.url, fs.readFileSync(file));
        onProgress({ label, doneBytes: meta.size, totalBytes: meta.size });
      } else if (p.mode === 'multipart') {
        const start = {
          uploadId: p.uploadId,
          partSize: p.partSize,
          partCount: p.parts.length,
          doneParts: '[]',
          updatedAt: ctx.now(),
        };
        ctx.db
          .insert(attachmentUploads)
          .values({ sha256: meta.sha256, ...start })
          .onConflictDoUpdate({ target: attachmentUploads.sha256, set: start })
          .run();
        const fresh = ctx.db
          .select(UPLOAD_STATE)
          .from(attachmentUploads)
          .where(uploadOf(meta.sha256))
          .get()!;
        await uploadParts(ctx, api, file, meta, fresh, p.parts, label, onProgress);
      }
    }
    const attached = await api.attach({
      id: meta.id,
      projectId: meta.projectId,
      sha256: meta.sha256,
      size: meta.size,
      fileName: meta.fileName,
      contentType: meta.contentType,
    });
    ctx.sqlite.transaction(() => {
      setServerVersion(ctx.sqlite, 'attachment', meta.id, attached.version, ctx.now());
      ctx.db
        .update(attachments)
        .set({ uploadedAt: ctx.now() })
        .where(eq(attachments.id, meta.id))
        .run();
      ctx.db.delete(outbox).where(eq(outbox.seq, row.seq)).run();
    })();
    ctx.events.emit('attachments:changed', { projectId: meta.projectId });
  } catch (err) {
    if (
      err instanceof SyncHttpError &&
      (err.code === 'HASH_MISMATCH' || err.code === 'UPLOAD_MISSING')
    ) {
      // the stored object is not ours (or vanished): forget the upload state and try again later
      ctx.db.delete(attachmentUploads).where(uploadOf(meta.sha256)).run();
      throw new SyncHttpError(
        'server',
        `The server could not verify ${meta.fileName}; it will be uploaded again.`,
      );
    }
    if (err instanceof SyncHttpError && err.kind === 'client' && err.status !== 403) {
      park(ctx.sqlite, [row.seq], { code: err.code || 'REFUSED', message: err.message }, ctx.now());
      return;
    }
    throw err;
  }
}

async function resumeMultipart(
  ctx: ServiceContext,
  api: SyncApi,
  file: string,
  meta: { sha256: string; size: number },
  state: UploadState,
  label: string,
  onProgress: (p: Progress) => void,
) {
  const done = new Set(
    (JSON.parse(state.done_parts) as { partNumber: number }[]).map((p) => p.partNumber),
  );
  const missing = Array.from({ length: state.part_count }, (_, i) => i + 1).filter(
    (n) => !done.has(n),
  );
  let urls: { partNumber: number; url: string }[] = [];
  if (missing.length) {
    try {
      urls = (await api.presignParts(meta.sha256, state.upload_id, missing)).parts;
    } catch (err) {
      if (err instanceof SyncHttpError && err.status === 404) {
        // the server forgot this upload (aborted or expired): start over next round
        ctx.db.delete(attachmentUploads).where(uploadOf(meta.sha256)).run();
        throw new SyncHttpError('server', 'The upload expired on the server; it restarts.');
      }
      throw err;
    }
  }
  await uploadParts(ctx, api, file, meta, state, urls, label, onProgress);
}

async function uploadParts(
  ctx: ServiceContext,
  api: SyncApi,
  file: string,
  meta: { sha256: string; size: number },
  state: UploadState,
  urls: { partNumber: number; url: string }[],
  label: string,
  onProgress: (p: Progress) => void,
) {
  const doneParts = JSON.parse(state.done_parts) as { partNumber: number; etag: string }[];
  const have = new Set(doneParts.map((p) => p.partNumber));
  let doneBytes = doneParts.reduce(
    (s, p) => s + Math.min(state.part_size, meta.size - (p.partNumber - 1) * state.part_size),
    0,
  );
  onProgress({ label, doneBytes, totalBytes: meta.size });
  // a few parts in flight at once; each finished part is recorded as it lands (resume point)
  const queue = urls
    .filter((u) => !have.has(u.partNumber))
    .sort((a, b) => a.partNumber - b.partNumber);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const start = (next.partNumber - 1) * state.part_size;
      const bytes = readSlice(file, start, Math.min(state.part_size, meta.size - start));
      const etag = await api.putObject(next.url, bytes);
      doneParts.push({ partNumber: next.partNumber, etag });
      ctx.db
        .update(attachmentUploads)
        .set({ doneParts: JSON.stringify(doneParts), updatedAt: ctx.now() })
        .where(uploadOf(meta.sha256))
        .run();
      doneBytes += bytes.length;
      onProgress({ label, doneBytes, totalBytes: meta.size });
    }
  };
  await Promise.all(Array.from({ length: Math.min(partsInFlight(), queue.length) }, worker));
  await api.completeMultipart(
    meta.sha256,
    state.upload_id,
    doneParts.sort((a, b) => a.partNumber - b.partNumber),
  );
  ctx.db.delete(attachmentUploads).where(uploadOf(meta.sha256)).run();
}

/** Download on demand; a failure is an answer in words (offline: when it will be there). */
export async function downloadAttachment(
  ctx: ServiceContext,
  api: SyncApi,
  files: FileStore,
  id: string,
): Promise<void> {
  try {
    await fetchAttachment(ctx, api, files, id);
  } catch (err) {
    if (err instanceof SyncHttpError)
      throw new AppError(
        'UNAVAILABLE',
        err.kind === 'offline'
          ? 'You are offline: the file will be available once you reconnect.'
          : err.message,
      );
    throw err;
  }
}

/** Fetch by presigned GET, verify SHA-256, store under its hash. */
async function fetchAttachment(
  ctx: ServiceContext,
  api: SyncApi,
  files: FileStore,
  id: string,
): Promise<void> {
  const row = ctx.db
    .select({ sha256: attachments.sha256, project_id: attachments.projectId })
    .from(attachments)
    .where(eq(attachments.id, id))
    .get();
  if (!row) return;
  if (files.has(row.sha256)) {
    await markPresent(ctx, files, row.sha256);
    return;
  }
  const link = await api.downloadUrl(id);
  const bytes = await api.getObject(link.url);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== row.sha256)
    throw new SyncHttpError('server', 'The downloaded file did not match its checksum; try again.');
  files.put(bytes);
  await markPresent(ctx, files, row.sha256);
  ctx.events.emit('attachments:changed', { projectId: row.project_id });
}
