import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { records } from '../db/schema';

/** One live (not deleted) entity of the caller's org, or null: callers answer 404 for both. */
export async function findLive(db: DbOrTx, orgId: string, entity: string, id: string) {
  const rows = await db
    .select()
    .from(records)
    .where(
      and(
        eq(records.orgId, orgId),
        eq(records.entity, entity),
        eq(records.id, id),
        eq(records.deleted, false),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}
