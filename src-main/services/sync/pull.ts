import { count, eq, isNull } from 'drizzle-orm';
import type { Change } from '../../../src-shared/sync/protocol';
import { projects, signs, syncConflicts } from '../../db/schema';
import type { ServiceContext } from '../context';
import type { SyncApi } from './api';
import type { EntityApplier } from './appliers';
import { cleanDeep } from '../../../src-shared/sync/record-check';
import { authorActor, PulledRecordError } from './appliers';
import { RefusedLog } from './refused';
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
/**
 * The mass-delete fail-safe: a pull that would trash more than this share of the local projects
 * (or of the local signs) stops and asks.
 */
export const MASS_DELETE_SHARE = 0.5;
export const MASS_DELETE_MIN = 3;

export interface PullOutcome {
  applied: number;
  held: number;
  /** pulled records not applied because they fail the shared schemas (listed on the Sync screen) */
  refused: number;
  /** set when a page would delete most local projects (or signs): nothing of it was applied */
  massDelete?: { count: number; total: number; what: 'projects' | 'signs' };
}

/** Whether a pulled change trashes a live local project or sign (the fail-safe counts both). */
function wouldDelete(ctx: ServiceContext, c: Change): 'projects' | 'signs' | null {
  const table = c.entity === 'project' ? projects : c.entity === 'sign' ? signs : null;
  if (!table) return null;
  const local = ctx.db
    .select({ deletedAt: table.deletedAt })
    .from(table)
    .where(eq(table.id, c.id))
    .get();
  if (!local || local.deletedAt) return null;
  const trashes = c.deleted || (typeof c.data?.deletedAt === 'string' && !!c.data.deletedAt);
  return trashes ? (c.entity === 'project' ? 'projects' : 'signs') : null;
}

/** The first entity kind of which a page would trash most of what is live here, if any. */
function massDeleteOf(ctx: ServiceContext, changes: Change[]): PullOutcome['massDelete'] {
  const deletes = { projects: 0, signs: 0 };
  for (const c of changes) {
    const what = wouldDelete(ctx, c);
    if (what) deletes[what]++;
  }
  for (const what of ['projects', 'signs'] as const) {
    if (deletes[what] < MASS_DELETE_MIN) continue;
    const table = what === 'projects' ? projects : signs;
    const total =
      ctx.db.select({ n: count() }).from(table).where(isNull(table.deletedAt)).get()?.n ?? 0;
    if (deletes[what] > total * MASS_DELETE_SHARE) return { count: deletes[what], total, what };
  }
  return undefined;
}

/**
 * A page in seq order may bring a sign or a design revision before its project (the project was
 * edited after them, so its latest change is later): within the page, projects are applied first,
 * then signs, then the rest, each group in seq order, so their appliers find what they belong to.
 */
const RANK: Record<string, number> = { project: 0, sign: 1 };
function dependenciesFirst(changes: Change[]): Change[] {
  return changes
    .map((c, i) => ({ c, i }))
    .sort((x, y) => (RANK[x.c.entity] ?? 2) - (RANK[y.c.entity] ?? 2) || x.i - y.i)
    .map((x) => x.c);
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
  const out: PullOutcome = { applied: 0, held: 0, refused: 0 };
  for (;;) {
    const cursor = getSetting(ctx.sqlite, KEYS.cursor) ?? '0';
    const page = await api.pull(cursor, PULL_PAGE);
    if (!opts.confirmMassDelete) {
      const mass = massDeleteOf(ctx, page.changes);
      if (mass) {
        out.massDelete = mass;
        return out;
      }
    }
    const touched = new Set<string>();
    ctx.sqlite.transaction(() => {
      const at = ctx.now();
      const refused = new RefusedLog(ctx.sqlite);
      for (const r of page.refused) {
        refused.add({ ...r, at });
        out.refused++;
      }
      for (const c of dependenciesFirst(page.changes)) {
        const applier = appliers[c.entity];
        if (!applier) continue;
        if (c.version <= serverVersion(ctx.sqlite, c.entity, c.id)) continue; // our own echo, or old news
        const data = c.data ? cleanDeep(c.data) : null;
        const author = c.author ?? null;
        const conflict = openConflict(ctx.sqlite, c.entity, c.id);
        if (conflict) {
          ctx.db
            .update(syncConflicts)
            .set({
              theirs: data ? JSON.stringify(data) : null,
              theirsDeleted: c.deleted,
              serverVersion: c.version,
              theirsAuthor: author ? JSON.stringify(author) : null,
              theirsAt: c.updatedAt,
            })
            .where(eq(syncConflicts.id, conflict.id))
            .run();
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
        try {
          if (c.deleted) applier.remove(ctx, c.id, at, by);
          else applier.upsert(ctx, c.id, data ?? {}, at, by);
        } catch (err) {
          if (!(err instanceof PulledRecordError)) throw err;
          // nothing of it was written; the server version stays, so a later version still applies
          const { field, message } = err;
          refused.add({
            entity: c.entity,
            entityId: c.id,
            version: c.version,
            field,
            message,
            at,
            data,
          });
          out.refused++;
          continue;
        }
        refused.clear(c.entity, c.id);
        setServerVersion(ctx.sqlite, c.entity, c.id, c.version, at, c.deleted ? null : data);
        touched.add(c.entity === 'project' ? c.id : String(c.data?.projectId ?? ''));
        out.applied++;
      }
      refused.save();
      setSetting(ctx.sqlite, KEYS.cursor, page.nextCursor);
    })();
    for (const id of touched) if (id) ctx.events.emit('projects:changed', { id, action: 'synced' });
    if (touched.size) ctx.events.emit('designs:changed', { projectId: '*' });
    if (page.changes.some((c) => c.entity === 'sign'))
      ctx.events.emit('signs:changed', { projectId: '*' });
    // every record of the page was received, applied or refused (listed on the Sync screen)
    opts.onPage?.(page.changes.length + page.refused.length, page.remaining);
    if (!page.hasMore) return out;
  }
}
