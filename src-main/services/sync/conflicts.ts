import { and, asc, eq, isNull } from 'drizzle-orm';
import { AppError, notFound } from '../../../src-shared/errors';
import { outbox, syncConflicts } from '../../db/schema';
import { appendAudit } from '../audit';
import type { ServiceContext } from '../context';
import { enqueueOutbox } from '../outbox';
import type { EntityApplier } from './appliers';
import { fieldLabel } from '../../../src-shared/sync/labels';
import { setServerVersion } from './state';

export interface ConflictField {
  path: string;
  /** the form's label ("Customer contact") */
  label: string;
  mine: unknown;
  theirs: unknown;
  /** the value both sides started from (undefined when this laptop never saw it) */
  base?: unknown;
}

export interface ConflictView {
  id: string;
  entity: string;
  entityId: string;
  title: string;
  createdAt: string;
  serverVersion: number;
  theirsDeleted: boolean;
  mine: Record<string, unknown>;
  theirs: Record<string, unknown> | null;
  /** only the fields both sides changed (three-way against the base), dot-separated paths */
  fields: ConflictField[];
  /** fields changed on one side only: they merge by themselves */
  merged: { path: string; label: string; side: 'mine' | 'theirs' }[];
  /** who wrote "theirs", and when (from the pulled change) */
  theirsBy: string | null;
  theirsAt: string | null;
}

const IGNORED = new Set(['updatedAt', 'version']);

function flatten(
  o: Record<string, unknown> | null,
  prefix = '',
  out: Record<string, unknown> = {},
) {
  for (const [k, v] of Object.entries(o ?? {})) {
    if (IGNORED.has(k)) continue;
    if (v && typeof v === 'object' && !Array.isArray(v))
      flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

function setPath(o: Record<string, unknown>, path: string, v: unknown) {
  const parts = path.split('.');
  let cur = o;
  for (const p of parts.slice(0, -1)) {
    if (!cur[p] || typeof cur[p] !== 'object') cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = v;
}

type Row = typeof syncConflicts.$inferSelect;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Three-way comparison against the common base: a field only one side changed merges by itself
 * (to that side's value); only fields both changed, to different values, are asked about. Without
 * a base (a record this laptop never saw at the server's version) every difference is asked.
 */
export function compareThreeWay(
  entity: string,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown> | null,
  base: Record<string, unknown> | null,
) {
  const fm = flatten(mine);
  const ft = flatten(theirs);
  const fb = base ? flatten(base) : null;
  const fields: ConflictField[] = [];
  const merged: ConflictView['merged'] = [];
  for (const path of [...new Set([...Object.keys(fm), ...Object.keys(ft)])].sort()) {
    // a field the local copy does not carry (revisions keep only what can change locally) is
    // not a local change
    if (!(path in fm)) fm[path] = fb ? fb[path] : ft[path];
    if (same(fm[path], ft[path])) continue;
    const label = fieldLabel(entity, path);
    if (fb && same(fm[path], fb[path])) merged.push({ path, label, side: 'theirs' });
    else if (fb && same(ft[path], fb[path])) merged.push({ path, label, side: 'mine' });
    else
      fields.push({
        path,
        label,
        mine: fm[path] ?? null,
        theirs: ft[path] ?? null,
        ...(fb ? { base: fb[path] ?? null } : {}),
      });
  }
  return { fields, merged };
}

export function listConflicts(
  ctx: ServiceContext,
  appliers: Record<string, EntityApplier>,
): ConflictView[] {
  const rows: Row[] = ctx.db
    .select()
    .from(syncConflicts)
    .where(isNull(syncConflicts.resolvedAt))
    .orderBy(asc(syncConflicts.createdAt))
    .all();
  return rows.map((r) => {
    // "mine" is the local copy now (it may have been edited since the conflict arose)
    const mine =
      appliers[r.entity]?.local(ctx, r.entityId) ?? (JSON.parse(r.mine) as Record<string, unknown>);
    const theirs = r.theirs ? (JSON.parse(r.theirs) as Record<string, unknown>) : null;
    const base = r.base ? (JSON.parse(r.base) as Record<string, unknown>) : null;
    // a deletion on the server is always a question, whatever the fields say
    const { fields, merged } = r.theirsDeleted
      ? compareThreeWay(r.entity, mine, theirs, null)
      : compareThreeWay(r.entity, mine, theirs, base);
    const author = r.theirsAuthor ? (JSON.parse(r.theirsAuthor) as { name?: string }) : null;
    return {
      id: r.id,
      entity: r.entity,
      entityId: r.entityId,
      title: String(mine.name ?? theirs?.name ?? r.entityId),
      createdAt: r.createdAt,
      serverVersion: r.serverVersion,
      theirsDeleted: !!r.theirsDeleted,
      mine,
      theirs,
      fields,
      merged,
      theirsBy: author?.name ?? null,
      theirsAt: r.theirsAt,
    };
  });
}

/**
 * Keep mine, take theirs, or merge field by field. The chosen copy becomes the local row (with an
 * audit event); when it differs from the server's it is pushed against the server version the
 * conflict recorded, so the server applies it instead of conflicting again.
 */
export function resolveConflict(
  ctx: ServiceContext,
  appliers: Record<string, EntityApplier>,
  id: string,
  choice: 'mine' | 'theirs' | 'merge',
  picks: Record<string, 'mine' | 'theirs'> = {},
  actorName?: string,
): void {
  const conflict = listConflicts(ctx, appliers).find((c) => c.id === id);
  if (!conflict) throw notFound('The conflict');
  const applier = appliers[conflict.entity];
  if (!applier)
    throw new AppError('ILLEGAL_STATE', `Conflicts on ${conflict.entity} cannot be resolved here.`);
  const actor = actorName ?? ctx.actor();
  ctx.sqlite.transaction(() => {
    const at = ctx.now();
    let result: Record<string, unknown> | null;
    if (choice === 'theirs') result = conflict.theirs;
    else if (choice === 'mine') result = conflict.mine;
    else {
      result = structuredClone(conflict.mine);
      // one-sided changes merge by themselves; the asked fields follow the picks (default mine)
      for (const m of conflict.merged)
        if (m.side === 'theirs') setPath(result, m.path, flatten(conflict.theirs)[m.path] ?? null);
      for (const f of conflict.fields)
        if ((picks[f.path] ?? 'mine') === 'theirs') setPath(result, f.path, f.theirs);
    }
    const by = choice === 'theirs' ? (conflict.theirsBy ?? undefined) : actor;
    if (choice === 'theirs' && conflict.theirsDeleted)
      applier.remove(ctx, conflict.entityId, at, by);
    else if (result && choice !== 'mine')
      applier.upsert(ctx, conflict.entityId, { ...result, updatedAt: at }, at, by);
    // the server's copy is now the common base of anything further
    setServerVersion(
      ctx.sqlite,
      conflict.entity,
      conflict.entityId,
      conflict.serverVersion,
      at,
      conflict.theirsDeleted ? null : conflict.theirs,
    );
    // the held edits are folded into the chosen copy
    ctx.db
      .delete(outbox)
      .where(and(eq(outbox.entity, conflict.entity), eq(outbox.entityId, conflict.entityId)))
      .run();
    if (choice !== 'theirs' && result) {
      // the whole record goes out: what this laptop keeps of it over the server's full copy
      enqueueOutbox(ctx.sqlite, {
        entity: conflict.entity,
        entityId: conflict.entityId,
        op: 'upsert',
        data: { ...(conflict.theirs ?? {}), ...applier.local(ctx, conflict.entityId) },
        at,
      });
    }
    ctx.db
      .update(syncConflicts)
      .set({ resolvedAt: at, resolution: choice })
      .where(eq(syncConflicts.id, id))
      .run();
    appendAudit(ctx.sqlite, {
      actor,
      at,
      action: 'sync.conflict-resolved',
      entity: conflict.entity,
      entityId: conflict.entityId,
      before: { mine: conflict.mine, theirs: conflict.theirs },
      after: { choice, picks },
    });
  })();
  ctx.events.emit('projects:changed', { id: conflict.entityId, action: 'conflict-resolved' });
}

/** Entities whose local copy is the whole synced record (so a merge can be computed here). */
const AUTO_MERGE = new Set(['project', 'company', 'sign']);

/**
 * Conflicts where no field was changed on both sides need no one: they are merged at once (audited
 * as an automatic merge) and the merged copy is pushed. Returns how many were merged.
 */
export function autoMergeConflicts(
  ctx: ServiceContext,
  appliers: Record<string, EntityApplier>,
): number {
  let n = 0;
  for (const c of listConflicts(ctx, appliers)) {
    if (c.theirsDeleted || c.fields.length > 0 || !AUTO_MERGE.has(c.entity)) continue;
    resolveConflict(ctx, appliers, c.id, 'merge', {}, 'Sync (automatic merge)');
    n++;
  }
  return n;
}
