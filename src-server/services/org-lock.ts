import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { organizations } from '../db/schema';

/**
 * Every write that produces sync changes runs inside a transaction that first locks its org row.
 * That serializes writers per organization (orgs stay independent), which is what makes the
 * change sequence commit in order and makes mutation-id / idempotency-key checks race-free.
 */
export async function lockOrg(tx: Tx, orgId: string): Promise<number> {
  const rows = await tx
    .select({ seq: organizations.changeSeq })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .for('update');
  if (!rows[0]) throw new Error(`organization ${orgId} vanished`);
  return rows[0].seq;
}

export async function saveSeq(tx: Tx, orgId: string, seq: number): Promise<void> {
  await tx.update(organizations).set({ changeSeq: seq }).where(eq(organizations.id, orgId));
}
