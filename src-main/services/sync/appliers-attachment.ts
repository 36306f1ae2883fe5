import { and, eq, sql } from 'drizzle-orm';
import { attachments } from '../../db/schema';
import { appendAudit } from '../audit';
import { attachmentColumns } from '../row-mappers';
import { parseData, type EntityApplier } from './applier';

const SYNC_ACTOR = 'Sync (from server)';

/** A file record: an arriving upsert restores a removed file, a tombstone moves it to the trash. */
export const attachmentApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    const existing = ctx.db
      .select({ projectId: attachments.projectId, deletedAt: attachments.deletedAt })
      .from(attachments)
      .where(eq(attachments.id, id))
      .get();
    if (existing) {
      ctx.db
        .update(attachments)
        .set({ uploadedAt: sql`coalesce(${attachments.uploadedAt}, ${at})`, deletedAt: null })
        .where(eq(attachments.id, id))
        .run();
      if (existing.deletedAt)
        appendAudit(ctx.sqlite, {
          actor: by,
          at,
          action: 'attachment.restored',
          entity: 'attachment',
          entityId: id,
          before: { deletedAt: existing.deletedAt },
          after: { deletedAt: null },
        });
      ctx.events.emit('attachments:changed', { projectId: existing.projectId });
      return;
    }
    const d = parseData('attachment', data);
    // the bytes may already be here (the same file on another project)
    const present = !!ctx.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.sha256, d.sha256), eq(attachments.present, true)))
      .limit(1)
      .get();
    ctx.db
      .insert(attachments)
      .values(
        attachmentColumns(id, d, { present, hasThumbnail: false, uploadedAt: at }, at, SYNC_ACTOR),
      )
      .run();
  },
  remove(ctx, id, at, by = SYNC_ACTOR) {
    // to the trash on this laptop too; the bytes stay in the local store
    const r = ctx.db
      .select({ projectId: attachments.projectId, deletedAt: attachments.deletedAt })
      .from(attachments)
      .where(eq(attachments.id, id))
      .get();
    if (!r || r.deletedAt) return;
    ctx.db.update(attachments).set({ deletedAt: at }).where(eq(attachments.id, id)).run();
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'attachment.removed',
      entity: 'attachment',
      entityId: id,
      before: { deletedAt: null },
      after: { deletedAt: at },
    });
    ctx.events.emit('attachments:changed', { projectId: r.projectId });
  },
  local() {
    return null;
  },
};
