import type { Change } from '../../../src-shared/sync/protocol';
import type { ServiceContext } from '../context';
import type { SyncApi } from './api';
import type { EntityApplier } from './appliers';
import { cleanDeep } from '../../../src-shared/sync/record-check';
import { authorActor } from './appliers';
import {
  getSetting,
  hasPending,
  KEYS,
  noteSeen,
  openConflict,
  serverVersion,
  setServerVersion,
  setSetting,
} from './state';

export const PULL_PAGE = 500;
/** The mass-delete fail-safe: a pull that would trash more than this share of the local projects stops. */
export const MASS_DELETE_SHARE = 0.5;
export const MASS_DELETE_MIN = 3;

export interface PullOutcome {
  applied: number;
  held: number;
  /** set when a page would delete most local projects: nothing of it was applied */
  massDelete?: { count: number; total: number };
}

function wouldDelete(ctx: ServiceContext, c: Change): boolean {
  if (c.entity !== 'project') return false;
  const local = ctx.sqlite.prepare('SELECT deleted_at FROM projects WHERE id = ?').get(c.id) as
    { deleted_at: string | null } | undefined;
  if (!local || local.deleted_at) return false;
  return c.deleted || (typeof c.data?.deletedAt === 'string' && !!c.data.deletedAt);
}

/**
 * Pulls every page after the stored cursor and applies each in one transaction with the cursor
 * advance, so a crash mid-pull repeats a page instead of losing one. A change to an entity with
 * local pending edits is held back (the push will meet it as a conflict); a change to an entity
 * in conflict refreshes the conflict's "theirs".
 */
export async function pullAll(
  ctx: ServiceContext,
  api: SyncApi,
  appliers: Record<string, EntityApplier>,
  opts: {
    confirmMassDelete?: boolean;
    /** after each page: its changes, and how many the server says are still to come */
    onPage?: (n: number, remaining: number | undefined) => void;
  } = {},
): Promise<PullOutcome> {
  const out: PullOutcome = { applied: 0, held: 0 };
  for (;;) {
    const cursor = getSetting(ctx.sqlite, KEYS.cursor) ?? '0';
    const page = await api.pull(cursor, PULL_PAGE);
    if (!opts.confirmMassDelete) {
      const deletes = page.changes.filter((c) => wouldDelete(ctx, c)).length;
      const total = (
        ctx.sqlite.prepare('SELECT count(*) AS n FROM projects WHERE deleted_at IS NULL').get() as {
          n: number;
        }
      ).n;
      if (deletes >= MASS_DELETE_MIN && deletes > total * MASS_DELETE_SHARE) {
        out.massDelete = { count: deletes, total };
        return out;
      }
    }
    const touched = new Set<string>();
    ctx.sqlite.transaction(() => {
      const at = ctx.now();
      for (const c of page.changes) {
        const applier = appliers[c.entity];
        if (!applier) continue;
        if (c.version <= serverVersion(ctx.sqlite, c.entity, c.id)) continue; // our own echo, or old news
        const data = c.data ? cleanDeep(c.data) : null;
        const author = c.author ?? null;
        const conflict = openConflict(ctx.sqlite, c.entity, c.id);
        if (conflict) {
          ctx.sqlite
            .prepare(
              'UPDATE sync_conflicts SET theirs = ?, theirs_deleted = ?, server_version = ?, theirs_author = ?, theirs_at = ? WHERE id = ?',
            )
            .run(
              data ? JSON.stringify(data) : null,
              c.deleted ? 1 : 0,
              c.version,
              author ? JSON.stringify(author) : null,
              c.updatedAt,
              conflict.id,
            );
          out.held++;
          continue;
        }
        if (hasPending(ctx.sqlite, c.entity, c.id)) {
          // the push will meet it as a conflict; remember who wrote it for the inbox
          noteSeen(ctx.sqlite, c.entity, c.id, {
            version: c.version,
            author,
            at: c.updatedAt,
            data,
            deleted: c.deleted,
          });
          out.held++;
          continue;
        }
        const by = authorActor(author);
        if (c.deleted) applier.remove(ctx, c.id, at, by);
        else applier.upsert(ctx, c.id, data ?? {}, at, by);
        setServerVersion(ctx.sqlite, c.entity, c.id, c.version, at, c.deleted ? null : data);
        touched.add(c.entity === 'project' ? c.id : String(c.data?.projectId ?? ''));
        out.applied++;
      }
      setSetting(ctx.sqlite, KEYS.cursor, page.nextCursor);
    })();
    for (const id of touched) if (id) ctx.events.emit('projects:changed', { id, action: 'synced' });
    if (touched.size) ctx.events.emit('designs:changed', { projectId: '*' });
    opts.onPage?.(page.changes.length, page.remaining);
    if (!page.hasMore) return out;
  }
}
