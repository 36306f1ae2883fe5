import { AppError, notFound } from '../../../src-shared/errors';
import { appendAudit } from '../audit';
import type { ServiceContext } from '../context';
import { enqueueOutbox } from '../outbox';
import type { EntityApplier } from './appliers';
import { setServerVersion } from './state';

export interface ConflictField {
  path: string;
  mine: unknown;
  theirs: unknown;
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
  /** only the fields that differ, dot-separated paths */
  fields: ConflictField[];
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

interface Row {
  id: string;
  entity: string;
  entity_id: string;
  mine: string;
  theirs: string | null;
  theirs_deleted: number;
  server_version: number;
  created_at: string;
}

export function listConflicts(
  ctx: ServiceContext,
  appliers: Record<string, EntityApplier>,
): ConflictView[] {
  const rows = ctx.sqlite
    .prepare('SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY created_at')
    .all() as Row[];
  return rows.map((r) => {
    // "mine" is the local copy now (it may have been edited since the conflict arose)
    const mine =
      appliers[r.entity]?.local(ctx, r.entity_id) ??
      (JSON.parse(r.mine) as Record<string, unknown>);
    const theirs = r.theirs ? (JSON.parse(r.theirs) as Record<string, unknown>) : null;
    const fm = flatten(mine);
    const ft = flatten(theirs);
    const fields = [...new Set([...Object.keys(fm), ...Object.keys(ft)])]
      .filter((k) => JSON.stringify(fm[k]) !== JSON.stringify(ft[k]))
      .sort()
      .map((path) => ({ path, mine: fm[path] ?? null, theirs: ft[path] ?? null }));
    return {
      id: r.id,
      entity: r.entity,
      entityId: r.entity_id,
      title: String(mine.name ?? theirs?.name ?? r.entity_id),
      createdAt: r.created_at,
      serverVersion: r.server_version,
      theirsDeleted: !!r.theirs_deleted,
      mine,
      theirs,
      fields,
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
): void {
  const conflict = listConflicts(ctx, appliers).find((c) => c.id === id);
  if (!conflict) throw notFound('The conflict');
  const applier = appliers[conflict.entity];
  if (!applier)
    throw new AppError('ILLEGAL_STATE', `Conflicts on ${conflict.entity} cannot be resolved here.`);
  const actor = ctx.actor();
  ctx.sqlite.transaction(() => {
    const at = ctx.now();
    let result: Record<string, unknown> | null;
    if (choice === 'theirs') result = conflict.theirs;
    else if (choice === 'mine') result = conflict.mine;
    else {
      result = structuredClone(conflict.mine);
      for (const f of conflict.fields)
        if ((picks[f.path] ?? 'mine') === 'theirs') setPath(result, f.path, f.theirs);
    }
    if (choice === 'theirs' && conflict.theirsDeleted) applier.remove(ctx, conflict.entityId, at);
    else if (result && choice !== 'mine')
      applier.upsert(ctx, conflict.entityId, { ...result, updatedAt: at }, at);
    setServerVersion(ctx.sqlite, conflict.entity, conflict.entityId, conflict.serverVersion, at);
    // the held edits are folded into the chosen copy
    ctx.sqlite
      .prepare('DELETE FROM outbox WHERE entity = ? AND entity_id = ?')
      .run(conflict.entity, conflict.entityId);
    if (choice !== 'theirs' && result) {
      enqueueOutbox(ctx.sqlite, {
        entity: conflict.entity,
        entityId: conflict.entityId,
        op: 'upsert',
        data: applier.local(ctx, conflict.entityId),
        at,
      });
    }
    ctx.sqlite
      .prepare('UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?')
      .run(at, choice, id);
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
