import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { outbox, syncConflicts, syncEntities } from '../../db/schema';
import type { ServiceContext } from '../context';

/** Per project: what its sync badge says. */
export function projectBadges(
  ctx: ServiceContext,
  ids: string[],
  signedIn: boolean,
): Record<string, 'local' | 'pending' | 'synced' | 'conflict'> {
  const out: Record<string, 'local' | 'pending' | 'synced' | 'conflict'> = {};
  if (!ids.length) return out;
  const one = { one: sql`1` };
  const id = sql.placeholder('id');
  const conflict = ctx.db
    .select(one)
    .from(syncConflicts)
    .where(and(eq(syncConflicts.entityId, id), isNull(syncConflicts.resolvedAt)))
    .limit(1)
    .prepare();
  // One pass over the outbox for the whole batch: a row is pending for its own project, or for
  // the project its design, quote or attachment belongs to. (The former `entity_id = ? OR
  // json_extract(...) = ?` per id scanned the whole outbox once per id: with 10,000 unsent
  // projects, 50 badges of a scrolled project list took about a second.)
  const pendingFor = new Set<string>();
  const rows = ctx.db
    .select({
      id: outbox.entityId,
      projectId: sql<
        string | null
      >`CASE WHEN ${inArray(outbox.entity, ['sign', 'design', 'quote', 'attachment'])} THEN json_extract(${outbox.data}, '$.projectId') END`,
    })
    .from(outbox)
    .all();
  for (const r of rows) {
    pendingFor.add(r.id);
    if (r.projectId) pendingFor.add(r.projectId);
  }
  const known = ctx.db
    .select(one)
    .from(syncEntities)
    .where(and(eq(syncEntities.entity, 'project'), eq(syncEntities.entityId, id)))
    .prepare();
  for (const pid of ids) {
    const p = { id: pid };
    if (conflict.get(p)) out[pid] = 'conflict';
    else if (pendingFor.has(pid)) out[pid] = signedIn ? 'pending' : 'local';
    else out[pid] = known.get(p) ? 'synced' : 'local';
  }
  return out;
}
