import type { ServiceContext } from '../context';

/** Per project: what its sync badge says. */
export function projectBadges(
  ctx: ServiceContext,
  ids: string[],
  signedIn: boolean,
): Record<string, 'local' | 'pending' | 'synced' | 'conflict'> {
  const out: Record<string, 'local' | 'pending' | 'synced' | 'conflict'> = {};
  const conflict = ctx.sqlite.prepare(
    `SELECT 1 FROM sync_conflicts WHERE entity_id = ? AND resolved_at IS NULL LIMIT 1`,
  );
  const pending = ctx.sqlite.prepare(
    `SELECT 1 FROM outbox o WHERE o.entity_id = ? OR (o.entity IN ('design','quote','attachment') AND json_extract(o.data, '$.projectId') = ?) LIMIT 1`,
  );
  const known = ctx.sqlite.prepare(
    `SELECT 1 FROM sync_entities WHERE entity = 'project' AND entity_id = ?`,
  );
  for (const id of ids) {
    if (conflict.get(id)) out[id] = 'conflict';
    else if (pending.get(id, id)) out[id] = signedIn ? 'pending' : 'local';
    else out[id] = known.get(id) ? 'synced' : 'local';
  }
  return out;
}
