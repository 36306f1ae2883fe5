import { and, asc, eq, isNull } from 'drizzle-orm';
import { AppError, notFound } from '../../src-shared/errors';
import { firstSignId, type Sign } from '../../src-shared/signs';
import type { SignData } from '../../src-shared/sync/entities';
import { projects, signs } from '../db/schema';
import type { ServiceContext } from './context';

/**
 * Sign rows: their shapes (row, API, synced) and the lookups the schedule, the designs service and
 * the sync appliers share. The schedule's changes are in signs.ts.
 */

export type SignRow = typeof signs.$inferSelect;
type Row = SignRow;

export function toSign(r: Row): Sign {
  return {
    id: r.id,
    projectId: r.projectId,
    mark: r.mark,
    name: r.name,
    quantity: r.quantity,
    position: r.position,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
  };
}

/** The synced shape of a sign (what the outbox carries; signDataSchema reads it back). */
export function signSyncData(s: Sign): SignData & { id: string } {
  return { ...s };
}

/** A sign row from its synced shape (the service and the sync applier write through this). */
export function signColumns(id: string, d: SignData, at: string): Row {
  return {
    id,
    projectId: d.projectId,
    mark: d.mark,
    name: d.name,
    quantity: d.quantity,
    position: d.position,
    createdAt: d.createdAt ?? at,
    updatedAt: d.updatedAt ?? at,
    deletedAt: d.deletedAt ?? null,
  };
}

export function requireLiveProject(ctx: ServiceContext, projectId: string) {
  const p = ctx.db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!p) throw notFound('The project');
  if (p.deletedAt)
    throw new AppError('ILLEGAL_STATE', 'This project is in the trash. Restore it first.');
  return p;
}

export function loadSign(ctx: ServiceContext, id: string): Row {
  const row = ctx.db.select().from(signs).where(eq(signs.id, id)).get();
  if (!row) throw notFound('The sign');
  return row;
}

/** A sign that can be designed: it exists, is not in the trash, nor is its project. */
export function requireLiveSign(ctx: ServiceContext, id: string): Row {
  const row = loadSign(ctx, id);
  if (row.deletedAt)
    throw new AppError('ILLEGAL_STATE', `Sign ${row.mark} is in the trash. Restore it first.`);
  requireLiveProject(ctx, row.projectId);
  return row;
}

export const liveSigns = (ctx: ServiceContext, projectId: string) =>
  ctx.db
    .select()
    .from(signs)
    .where(and(eq(signs.projectId, projectId), isNull(signs.deletedAt)))
    .orderBy(asc(signs.position), asc(signs.createdAt), asc(signs.id))
    .all();

/** The sign's mark when the project schedules more than one sign (to tell files apart), else null. */
export function markWhenSeveral(ctx: ServiceContext, signId: string | null): string | null {
  if (!signId) return null;
  const row = ctx.db.select().from(signs).where(eq(signs.id, signId)).get();
  if (!row || liveSigns(ctx, row.projectId).length < 2) return null;
  return row.mark;
}

/**
 * "S2 monument north × 2" for the sign of a project with several signs (the calc report's Sign
 * row, as in the job packet); null for a one-sign project, whose report stays as it was.
 */
export function signLabelWhenSeveral(ctx: ServiceContext, signId: string | null): string | null {
  if (!signId) return null;
  const row = ctx.db.select().from(signs).where(eq(signs.id, signId)).get();
  if (!row || liveSigns(ctx, row.projectId).length < 2) return null;
  return `${row.mark}${row.name ? ` ${row.name}` : ''}${row.quantity > 1 ? ` × ${row.quantity}` : ''}`;
}

/** The first sign of the schedule not in the trash (what the one-design-per-project calls use). */
export function firstLiveSign(ctx: ServiceContext, projectId: string): Row | undefined {
  return liveSigns(ctx, projectId)[0];
}

/**
 * Gives a project that has no sign at all its first one (id firstSignId(projectId), mark S1), as
 * the 0009 migration did for existing projects. Runs inside the caller's transaction. Neither
 * audited nor pushed: it is part of the project (its creation or its arrival), made the same on
 * every laptop from the project id; the first edit of the sign is audited and pushed as usual.
 */
export function ensureFirstSign(ctx: ServiceContext, projectId: string, at: string): Row {
  const any = ctx.db.select().from(signs).where(eq(signs.projectId, projectId)).limit(1).get();
  if (any) return firstLiveSign(ctx, projectId) ?? any;
  return ctx.db
    .insert(signs)
    .values(
      signColumns(
        firstSignId(projectId),
        { projectId, mark: 'S1', name: '', quantity: 1, position: 0, deletedAt: null },
        at,
      ),
    )
    .returning()
    .get();
}

/**
 * A pulled design revision whose sign has not arrived yet (the sign was edited after the revision
 * was saved, so its record comes later in the pull): the sign is made with the next mark at the
 * end of the schedule, and the sign record overwrites it when it arrives.
 */
export function placeholderSign(
  ctx: ServiceContext,
  projectId: string,
  signId: string,
  at: string,
): Row {
  const live = liveSigns(ctx, projectId);
  const position = live.length ? Math.max(...live.map((s) => s.position)) + 1 : 0;
  return ctx.db
    .insert(signs)
    .values(
      signColumns(
        signId,
        {
          projectId,
          mark: nextMark(ctx, projectId),
          name: '',
          quantity: 1,
          position,
          deletedAt: null,
        },
        at,
      ),
    )
    .returning()
    .get();
}

/** The next free mark S<n> (after every S-number used, trash included, so a restore never clashes). */
export function nextMark(ctx: ServiceContext, projectId: string): string {
  const marks = ctx.db
    .select({ mark: signs.mark })
    .from(signs)
    .where(eq(signs.projectId, projectId))
    .all();
  const top = Math.max(0, ...marks.map((m) => Number(/^S(\d+)$/i.exec(m.mark)?.[1] ?? 0)));
  return `S${top + 1}`;
}
