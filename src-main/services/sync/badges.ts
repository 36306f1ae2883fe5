import type { ServiceContext } from '../context';

/** Per project: what its sync badge says. */
export function projectBadges(
  ctx: ServiceContext,
  ids: string[],
  signedIn: boolean,
): Record<string, 'local' | 'pending' | 'synced' | 'conflict'> {
  const out: Record<string, 'local' | 'pending' | 'synced' | 'conflict'> = {};
  if (!ids.length) return out;
  const conflict = ctx.sqlite.prepare(
    `SELECT 1 FROM sync_conflicts WHERE entity_id = ? AND resolved_at IS NULL LIMIT 1`,
  );
  // One pass over the outbox for the whole batch: a row is pending for its own project, or for
  // the project its design, quote or attachment belongs to. (The former `entity_id = ? OR
  // json_extract(...) = ?` per id scanned the whole outbox once per id: with 10,000 unsent
  // projects, 50 badges of a scrolled project list took about a second.)
  const pendingFor = new Set<string>();
  const rows = ctx.sqlite
    .prepare(
      `SELECT entity_id AS id, CASE WHEN entity IN ('design','quote','attachment') THEN json_extract(data, '$.projectId') END AS projectId FROM outbox`,
    )
    .all() as { id: string; projectId: string | null }[];
  for (const r of rows) {
    pendingFor.add(r.id);
    if (r.projectId) pendingFor.add(r.projectId);
  }
  const known = ctx.sqlite.prepare(
    `SELECT 1 FROM sync_entities WHERE entity = 'project' AND entity_id = ?`,
  );
  for (const id of ids) {
    if (conflict.get(id)) out[id] = 'conflict';
    else if (pendingFor.has(id)) out[id] = signedIn ? 'pending' : 'local';
    else out[id] = known.get(id) ? 'synced' : 'local';
  }
  return out;
}
