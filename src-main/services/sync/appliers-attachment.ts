import { cleanText } from '../../../src-shared/validation';
import { appendAudit } from '../audit';
import type { EntityApplier } from './appliers';

const SYNC_ACTOR = 'Sync (from server)';
const str = (v: unknown, d = '') => (typeof v === 'string' ? cleanText(v) : d);

/** A file record: an arriving upsert restores a removed file, a tombstone moves it to the trash. */
export const attachmentApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    const existing = ctx.sqlite
      .prepare('SELECT project_id, deleted_at FROM attachments WHERE id = ?')
      .get(id) as { project_id: string; deleted_at: string | null } | undefined;
    if (existing) {
      ctx.sqlite
        .prepare(
          'UPDATE attachments SET uploaded_at = coalesce(uploaded_at, ?), deleted_at = NULL WHERE id = ?',
        )
        .run(at, id);
      if (existing.deleted_at)
        appendAudit(ctx.sqlite, {
          actor: by,
          at,
          action: 'attachment.restored',
          entity: 'attachment',
          entityId: id,
          before: { deletedAt: existing.deleted_at },
          after: { deletedAt: null },
        });
      ctx.events.emit('attachments:changed', { projectId: existing.project_id });
      return;
    }
    const sha = str(data.sha256);
    const present = !!ctx.sqlite
      .prepare('SELECT 1 FROM attachments WHERE sha256 = ? AND present = 1')
      .get(sha);
    ctx.sqlite
      .prepare(
        `INSERT INTO attachments (id, project_id, sha256, size, file_name, content_type, created_at, created_by, present, uploaded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        str(data.projectId),
        sha,
        Number(data.size ?? 0),
        str(data.fileName, 'file'),
        str(data.contentType, 'application/octet-stream'),
        str(data.createdAt, at),
        SYNC_ACTOR,
        present ? 1 : 0,
        at,
      );
  },
  remove(ctx, id, at, by = SYNC_ACTOR) {
    // to the trash on this laptop too; the bytes stay in the local store
    const r = ctx.sqlite
      .prepare('SELECT project_id, deleted_at FROM attachments WHERE id = ?')
      .get(id) as { project_id: string; deleted_at: string | null } | undefined;
    if (!r || r.deleted_at) return;
    ctx.sqlite.prepare('UPDATE attachments SET deleted_at = ? WHERE id = ?').run(at, id);
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'attachment.removed',
      entity: 'attachment',
      entityId: id,
      before: { deletedAt: null },
      after: { deletedAt: at },
    });
    ctx.events.emit('attachments:changed', { projectId: r.project_id });
  },
  local() {
    return null;
  },
};
