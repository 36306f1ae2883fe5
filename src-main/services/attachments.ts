import { asc, desc, eq, sql } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, notFound } from '../../src-shared/errors';
import type { AttachmentInfoT } from '../../src-shared/sync/client';
import { MAX_FILE_BYTES } from '../../src-shared/limits';
import { attachments, projects } from '../db/schema';
import { attachmentColumns } from './row-mappers';
import { recordChange, type ServiceContext } from './context';
import { checkImport } from './file-checks';
import { makeThumbnail } from './thumbnails';

export type AttachmentInfo = AttachmentInfoT;

type Row = typeof attachments.$inferSelect;

/** The row mapper of the attachments table (the service and the sync applier share it). */
export const toInfo = (r: Row): AttachmentInfo => ({
  id: r.id,
  projectId: r.projectId,
  sha256: r.sha256,
  size: r.size,
  fileName: r.fileName,
  contentType: r.contentType,
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  present: r.present,
  uploaded: !!r.uploadedAt,
  hasThumbnail: r.hasThumbnail,
  deletedAt: r.deletedAt ?? null,
});

/** The content-addressed file store: <dataDir>/files/<sha256>, thumbnails in files/thumbs. */
export class FileStore {
  constructor(readonly dir: string) {
    fs.mkdirSync(path.join(dir, 'thumbs'), { recursive: true });
  }
  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('VALIDATION', 'Not a file id.');
    return path.join(this.dir, sha256);
  }
  thumbPath(sha256: string): string {
    return path.join(this.dir, 'thumbs', `${sha256}.jpg`);
  }
  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }
  /** Writes bytes under their hash (temp file + fsync + rename: a crash never leaves a torn file). */
  put(bytes: Uint8Array): string {
    const sha = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha);
    if (!fs.existsSync(target)) {
      const tmp = `${target}.${process.pid}.tmp`;
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
    }
    return sha;
  }
  read(sha256: string): Buffer {
    return fs.readFileSync(this.pathOf(sha256));
  }
}

export const MAX_IMPORT_BYTES = MAX_FILE_BYTES;

/** Imports a file onto a project: store by hash, record it (audit + outbox 'attach'), thumbnail. */
export async function importAttachment(
  ctx: ServiceContext,
  files: FileStore,
  input: { projectId: string; fileName: string; contentType: string; bytes: Uint8Array },
): Promise<AttachmentInfo> {
  const project = ctx.db
    .select({ deletedAt: projects.deletedAt })
    .from(projects)
    .where(eq(projects.id, input.projectId))
    .get();
  if (!project) throw notFound('The project');
  if (project.deletedAt)
    throw new AppError('ILLEGAL_STATE', 'This project is in the trash. Restore it first.');
  checkImport(input.fileName, input.bytes);
  const sha = files.put(input.bytes);
  let thumb = false;
  if (input.contentType.startsWith('image/') && !fs.existsSync(files.thumbPath(sha))) {
    const t = await makeThumbnail(input.bytes, input.contentType);
    if (t) {
      fs.writeFileSync(files.thumbPath(sha), t);
      thumb = true;
    }
  } else if (fs.existsSync(files.thumbPath(sha))) thumb = true;
  const { value } = recordChange(ctx, (at) => {
    const id = randomUUID();
    const row = attachmentColumns(
      id,
      {
        projectId: input.projectId,
        sha256: sha,
        size: input.bytes.length,
        fileName: input.fileName,
        contentType: input.contentType || 'application/octet-stream',
      },
      { present: true, hasThumbnail: thumb, uploadedAt: null },
      at,
      ctx.actor(),
    );
    ctx.db.insert(attachments).values(row).run();
    const info = toInfo(row);
    const data = {
      id,
      projectId: input.projectId,
      sha256: sha,
      size: row.size,
      fileName: row.fileName,
      contentType: row.contentType,
    };
    return {
      value: info,
      change: {
        entity: 'attachment',
        entityId: id,
        action: 'attachment.added',
        before: null,
        after: data,
        outbox: { op: 'attach', data },
      },
    };
  });
  ctx.events.emit('attachments:changed', { projectId: input.projectId });
  return value;
}

export function listAttachments(ctx: ServiceContext, projectId: string): AttachmentInfo[] {
  return ctx.db
    .select()
    .from(attachments)
    .where(eq(attachments.projectId, projectId))
    .orderBy(desc(attachments.createdAt), asc(attachments.id))
    .all()
    .map(toInfo);
}

export function getAttachment(ctx: ServiceContext, id: string): AttachmentInfo {
  const r = ctx.db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!r) throw notFound('The file');
  return toInfo(r);
}

/** The synced shape of a file record (what attach, delete and restore carry). */
export function attachmentData(r: Row) {
  return {
    id: r.id,
    projectId: r.projectId,
    sha256: r.sha256,
    size: r.size,
    fileName: r.fileName,
    contentType: r.contentType,
  };
}

/**
 * Moves a file to the trash (undo: restoreAttachment). The bytes stay in the local store; the
 * server is told with an attachment delete, so the file goes to the trash on every laptop.
 */
export function setAttachmentDeleted(
  ctx: ServiceContext,
  id: string,
  deleted: boolean,
): AttachmentInfo {
  const { value } = recordChange(ctx, (at) => {
    const r = ctx.db.select().from(attachments).where(eq(attachments.id, id)).get();
    if (!r) throw notFound('The file');
    if (!!r.deletedAt === deleted)
      throw new AppError(
        'ILLEGAL_STATE',
        deleted ? 'This file is already removed.' : 'This file is not removed.',
      );
    ctx.db
      .update(attachments)
      .set({ deletedAt: deleted ? at : null })
      .where(eq(attachments.id, id))
      .run();
    const after = { ...r, deletedAt: deleted ? at : null };
    return {
      value: toInfo(after),
      change: {
        entity: 'attachment',
        entityId: id,
        action: deleted ? 'attachment.removed' : 'attachment.restored',
        before: { ...attachmentData(r), deletedAt: r.deletedAt },
        after: { ...attachmentData(r), deletedAt: after.deletedAt },
        // a restore is an upsert with the same projectId, sha256 and size (protocol.ts)
        outbox: deleted ? { op: 'delete', data: {} } : { op: 'upsert', data: attachmentData(r) },
      },
    };
  });
  ctx.events.emit('attachments:changed', { projectId: value.projectId });
  return value;
}

export async function markPresent(
  ctx: ServiceContext,
  files: FileStore,
  sha256: string,
): Promise<void> {
  let thumb = 0;
  const r = ctx.db
    .select({ contentType: attachments.contentType })
    .from(attachments)
    .where(eq(attachments.sha256, sha256))
    .limit(1)
    .get();
  if (r?.contentType.startsWith('image/')) {
    const t = await makeThumbnail(files.read(sha256), r.contentType);
    if (t) {
      fs.writeFileSync(files.thumbPath(sha256), t);
      thumb = 1;
    }
  }
  ctx.db
    .update(attachments)
    .set({ present: true, hasThumbnail: sql`max(${attachments.hasThumbnail}, ${thumb})` })
    .where(eq(attachments.sha256, sha256))
    .run();
}
