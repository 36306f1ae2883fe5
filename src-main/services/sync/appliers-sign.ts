import { count, eq } from 'drizzle-orm';
import { projects, signs } from '../../db/schema';
import { appendAudit } from '../audit';
import { signColumns, signSyncData, toSign } from '../signs-rows';
import { parseData, SYNC_ACTOR, type EntityApplier } from './applier';

const signRow = (ctx: Parameters<EntityApplier['local']>[0], id: string) =>
  ctx.db.select().from(signs).where(eq(signs.id, id)).get();

/**
 * A sign of a project's schedule: an upsert writes it as the server has it (mark, name, quantity,
 * order, trash); a tombstone moves the local copy to the trash, its designs kept. A sign whose
 * project has not arrived is skipped, as a design revision's is.
 */
export const signApplier: EntityApplier = {
  upsert(ctx, id, data, at, by = SYNC_ACTOR) {
    const d = parseData('sign', data);
    const project = ctx.db
      .select({ n: count() })
      .from(projects)
      .where(eq(projects.id, d.projectId))
      .get();
    if (!project?.n) return;
    const before = signRow(ctx, id);
    const { id: _id, ...cols } = signColumns(id, d, at);
    if (before)
      ctx.db
        .update(signs)
        // a sign never moves to another project
        .set({ ...cols, projectId: before.projectId, createdAt: before.createdAt })
        .where(eq(signs.id, id))
        .run();
    else
      ctx.db
        .insert(signs)
        .values({ id, ...cols })
        .run();
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: before ? 'sign.received' : 'sign.received-new',
      entity: 'sign',
      entityId: id,
      before: before ? signSyncData(toSign(before)) : null,
      after: signSyncData(toSign(signRow(ctx, id)!)),
    });
  },
  remove(ctx, id, at, by = SYNC_ACTOR) {
    const before = signRow(ctx, id);
    if (!before || before.deletedAt) return;
    ctx.db.update(signs).set({ deletedAt: at, updatedAt: at }).where(eq(signs.id, id)).run();
    appendAudit(ctx.sqlite, {
      actor: by,
      at,
      action: 'sign.deleted',
      entity: 'sign',
      entityId: id,
      before: signSyncData(toSign(before)),
      after: signSyncData(toSign(signRow(ctx, id)!)),
    });
  },
  local(ctx, id) {
    const r = signRow(ctx, id);
    return r ? signSyncData(toSign(r)) : null;
  },
};
