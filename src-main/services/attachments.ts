import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, notFound } from '../../src-shared/errors';
import type { AttachmentInfoT } from '../../src-shared/sync/client';
import { MAX_FILE_BYTES } from '../../src-shared/limits';
import { recordChange, type ServiceContext } from './context';
import { checkImport } from './file-checks';
import { makeThumbnail } from './thumbnails';

export type AttachmentInfo = AttachmentInfoT;

interface Row {
  id: string;
  project_id: string;
  sha256: string;
  size: number;
  file_name: string;
  content_type: string;
  created_at: string;
  created_by: string;
  present: number;
  uploaded_at: string | null;
  has_thumbnail: number;
  deleted_at: string | null;
}

const toInfo = (r: Row): AttachmentInfo => ({
  id: r.id,
  projectId: r.project_id,
  sha256: r.sha256,
  size: r.size,
  fileName: r.file_name,
  contentType: r.content_type,
  createdAt: r.created_at,
  createdBy: r.created_by,
  present: !!r.present,
  uploaded: !!r.uploaded_at,
  hasThumbnail: !!r.has_thumbnail,
  deletedAt: r.deleted_at ?? null,
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
  const project = ctx.sqlite
    .prepare('SELECT deleted_at FROM projects WHERE id = ?')
    .get(input.projectId) as { deleted_at: string | null } | undefined;
  if (!project) throw notFound('The project');
  if (project.deleted_at)
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
    const row: Row = {
      id,
      project_id: input.projectId,
      sha256: sha,
      size: input.bytes.length,
      file_name: input.fileName,
      content_type: input.contentType || 'application/octet-stream',
      created_at: at,
      created_by: ctx.actor(),
      present: 1,
      uploaded_at: null,
      has_thumbnail: thumb ? 1 : 0,
      deleted_at: null,
    };
    ctx.sqlite
      .prepare(
        `INSERT INTO attachments (id, project_id, sha256, size, file_name, content_type, created_at, created_by, present, uploaded_at, has_thumbnail)
         VALUES (@id, @project_id, @sha256, @size, @file_name, @content_type, @created_at, @created_by, @present, @uploaded_at, @has_thumbnail)`,
      )
      .run(row);
    const info = toInfo(row);
    const data = {
      id,
      projectId: input.projectId,
      sha256: sha,
      size: row.size,
      fileName: row.file_name,
      contentType: row.content_type,
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
  return (
    ctx.sqlite
      .prepare('SELECT * FROM attachments WHERE project_id = ? ORDER BY created_at DESC, id')
      .all(projectId) as Row[]
  ).map(toInfo);
}

export function getAttachment(ctx: ServiceContext, id: string): AttachmentInfo {
  const r = ctx.sqlite.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw notFound('The file');
  return toInfo(r);
}

/** The synced shape of a file record (what attach, delete and restore carry). */
function attachmentData(r: Row) {
  return {
    id: r.id,
    projectId: r.project_id,
    sha256: r.sha256,
    size: r.size,
    fileName: r.file_name,
    contentType: r.content_type,
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
    const r = ctx.sqlite.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as
      Row | undefined;
    if (!r) throw notFound('The file');
    if (!!r.deleted_at === deleted)
      throw new AppError(
        'ILLEGAL_STATE',
        deleted ? 'This file is already removed.' : 'This file is not removed.',
      );
    ctx.sqlite
      .prepare('UPDATE attachments SET deleted_at = ? WHERE id = ?')
      .run(deleted ? at : null, id);
    const after = { ...r, deleted_at: deleted ? at : null };
    return {
      value: toInfo(after),
      change: {
        entity: 'attachment',
        entityId: id,
        action: deleted ? 'attachment.removed' : 'attachment.restored',
        before: { ...attachmentData(r), deletedAt: r.deleted_at },
        after: { ...attachmentData(r), deletedAt: after.deleted_at },
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
  const r = ctx.sqlite
    .prepare('SELECT content_type FROM attachments WHERE sha256 = ? LIMIT 1')
    .get(sha256) as { content_type: string } | undefined;
  if (r?.content_type.startsWith('image/')) {
    const t = await makeThumbnail(files.read(sha256), r.content_type);
    if (t) {
      fs.writeFileSync(files.thumbPath(sha256), t);
      thumb = 1;
    }
  }
  ctx.sqlite
    .prepare(
      'UPDATE attachments SET present = 1, has_thumbnail = max(has_thumbnail, ?) WHERE sha256 = ?',
    )
    .run(thumb, sha256);
}
