import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { records } from '../db/schema';
import type { ObjectStore } from '../storage/s3';

/**
 * Where attachment bytes live. `org/<orgId>/sha256/<hex>` is the verified, content-addressed copy:
 * it is written only by `promote()`, after the server itself has hashed the upload, and never
 * rewritten or deleted afterwards (other records may share the content; a trash keeps it).
 * Clients upload to `staging/<orgId>/<userId>/<hex>-<size>`, their own key, so a wrong or
 * malicious upload can only ever damage that uploader's staging copy.
 */

export const STAGING_PREFIX = 'staging/';
export const objectKey = (orgId: string, sha256: string) => `org/${orgId}/sha256/${sha256}`;
export const stagingKey = (orgId: string, userId: string, sha256: string, size: number) =>
  `${STAGING_PREFIX}${orgId}/${userId}/${sha256}-${size}`;

/** True when an attachment record of the org (live or trashed) names this content and size. */
export async function vouchedFor(db: Db, orgId: string, sha256: string, size: number) {
  const rows = await db
    .select({ id: records.id })
    .from(records)
    .where(
      and(
        eq(records.orgId, orgId),
        eq(records.entity, 'attachment'),
        sql`${records.data}->>'sha256' = ${sha256}`,
        sql`${records.data}->>'size' = ${String(size)}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export type VerifiedState =
  { kind: 'absent' } | { kind: 'genuine'; size: number } | { kind: 'bad' };

/**
 * What is under the verified key. Objects written by this server are genuine by construction, and
 * a record vouches for them; an object with no record may predate staging (servers before it let
 * clients PUT straight to this key), so it is hashed once before it is trusted.
 */
export async function verifiedState(
  db: Db,
  store: ObjectStore,
  orgId: string,
  sha256: string,
): Promise<VerifiedState> {
  const key = objectKey(orgId, sha256);
  const st = await store.stat(key);
  if (!st) return { kind: 'absent' };
  if (await vouchedFor(db, orgId, sha256, st.size)) return { kind: 'genuine', size: st.size };
  const actual = await store.sha256(key);
  return actual.sha256 === sha256 ? { kind: 'genuine', size: actual.size } : { kind: 'bad' };
}

/**
 * Moves a checked staging copy into the verified key. Promotions of the same key are serialized
 * across API instances by a Postgres advisory lock; when a genuine copy is already there (another
 * upload of the same file won), it is kept as is and only the staging copy goes.
 */
export async function promote(
  db: Db,
  store: ObjectStore,
  orgId: string,
  sha256: string,
  staging: string,
): Promise<void> {
  const key = objectKey(orgId, sha256);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    const state = await verifiedState(tx as unknown as Db, store, orgId, sha256);
    if (state.kind !== 'genuine') await store.copy(staging, key);
  });
  // Best effort: a staging copy left behind is removed by the upload sweeper.
  await store.remove(staging).catch(() => undefined);
}
