import fs from 'node:fs/promises';
import path from 'node:path';
import S3rver, { type KoaContext } from 's3rver';
import S3Error from 's3rver/lib/models/error.js';

/**
 * The embedded S3 (s3rver) in a process of its own, forked by local-s3.ts. s3rver throws from
 * stream callbacks on some requests (completing an upload whose parts were never sent reads a part
 * file that does not exist), which ends whatever process it runs in; here that is only this child,
 * and the parent starts a new one. The parent passes the directory and port in the environment
 * and learns the bound port over IPC; the child exits when the parent goes away.
 *
 * Three behaviours of real S3/MinIO that s3rver lacks are added, so the local default answers
 * like production: an upload id that is unknown (never started, completed or aborted) or belongs
 * to another key is `NoSuchUpload` (404) for every upload call; completing with a part that was
 * never uploaded or with another ETag is `InvalidPart` (400), with parts out of order
 * `InvalidPartOrder` (400); `AbortMultipartUpload` removes the upload (204).
 */

const directory = process.env.LOCAL_S3_DIR ?? '';
const port = Number(process.env.LOCAL_S3_PORT ?? 0);

const server = new S3rver({
  address: '127.0.0.1',
  port,
  directory,
  silent: process.env.LOCAL_S3_VERBOSE !== '1',
});
const store = server.store;

const uploadDir = (bucket: string, uploadId: string) =>
  path.join(store.getResourcePath(bucket, undefined, 'uploads'), path.basename(uploadId));

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return null;
  }
}

function noSuchUpload(uploadId: string) {
  return new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have ' +
      'been aborted or completed.',
    { UploadId: uploadId },
  );
}

// Runs before s3rver's own middleware (unshifted below), for requests that name an upload id.
async function uploadGuard(ctx: KoaContext, next: () => Promise<void>): Promise<void> {
  const uploadId = ctx.query.uploadId;
  if (typeof uploadId !== 'string') return next();
  const [bucket, ...rest] = ctx.path.slice(1).split('/');
  const key = decodeURIComponent(rest.join('/'));
  const dir = uploadDir(bucket, uploadId);
  if (uploadId === '' || (await readOrNull(path.join(dir, 'key'))) !== key) {
    throw noSuchUpload(uploadId);
  }
  if (ctx.method === 'DELETE') {
    await fs.rm(dir, { recursive: true, force: true });
    ctx.status = 204;
    return;
  }
  return next();
}
server.middleware.unshift(uploadGuard);

// s3rver streams the listed part files without looking at them first; check them like S3 does.
const assemble = store.putObjectMultipart.bind(store);
store.putObjectMultipart = async (bucket, uploadId, parts) => {
  const dir = uploadDir(bucket, uploadId);
  let previous = 0;
  for (const part of parts) {
    if (part.number <= previous) {
      throw new S3Error(
        'InvalidPartOrder',
        'The list of parts was not in ascending order. Parts must be ordered by part number.',
      );
    }
    previous = part.number;
    const md5 = await readOrNull(path.join(dir, `${part.number}.md5`));
    if (md5 === null || md5.trim() !== part.etag) {
      throw new S3Error(
        'InvalidPart',
        "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        { PartNumber: String(part.number), ETag: part.etag },
      );
    }
  }
  return assemble(bucket, uploadId, parts);
};

// After a delete s3rver removes the emptied folders above the object; two deletes in one folder
// race on that cleanup (ENOENT, ENOTEMPTY) and answered 500 although the object was gone.
const deleteObject = store.deleteObject.bind(store);
store.deleteObject = async (bucket, key) => {
  try {
    await deleteObject(bucket, key);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'ENOENT' && code !== 'ENOTEMPTY') throw err;
  }
};

process.on('uncaughtException', (err) => {
  // The parent sees the exit and starts a fresh child; requests in flight get a socket error.
  console.error(`local S3 stopped after an error: ${err.message}`);
  process.exit(70);
});
process.on('disconnect', () => process.exit(0));

server.run().then(
  (addr) => process.send?.({ type: 'ready', port: addr.port }),
  (err: unknown) => {
    process.send?.({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  },
);
