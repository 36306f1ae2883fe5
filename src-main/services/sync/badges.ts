import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { outbox, syncConflicts, syncEntities } from '../../db/schema';
import type { ServiceContext } from '../context';

/** Per project: what its sync badge says. */
export function projectBadges(
  ctx: ServiceContext,
  ids: string[],
  signedIn: boolean,
): Record<string, 'local' | 'pending' | 'synced' | 'conflict'> {
  const out: Record<string, 'local' | 'pending' | 'synced' | 'conflict'> = {};
  const one = { one: sql`1` };
  const id = sql.placeholder('id');
  // built once, run per visible project (a page of the list asks for its rows at once)
  const conflict = ctx.db
    .select(one)
    .from(syncConflicts)
    .where(and(eq(syncConflicts.entityId, id), isNull(syncConflicts.resolvedAt)))
    .limit(1)
    .prepare();
  const pending = ctx.db
    .select(one)
    .from(outbox)
    .where(
      or(
        eq(outbox.entityId, id),
        and(
          inArray(outbox.entity, ['design', 'quote', 'attachment']),
          eq(sql`json_extract(${outbox.data}, '$.projectId')`, id),
        ),
      ),
    )
    .limit(1)
    .prepare();
  const known = ctx.db
    .select(one)
    .from(syncEntities)
    .where(and(eq(syncEntities.entity, 'project'), eq(syncEntities.entityId, id)))
    .prepare();
  for (const pid of ids) {
    const p = { id: pid };
    if (conflict.get(p)) out[pid] = 'conflict';
    else if (pending.get(p)) out[pid] = signedIn ? 'pending' : 'local';
    else out[pid] = known.get(p) ? 'synced' : 'local';
  }
  return out;
}
