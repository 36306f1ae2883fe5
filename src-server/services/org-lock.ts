import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { organizations } from '../db/schema';

/**
 * How writers of one organization stay correct without waiting for each other.
 *
 * 1. Key locks, first: a writer takes a transaction-scoped Postgres advisory lock on every key it
 *    judges or writes (an entity `entity:id`, a mutation id, an Idempotency-Key), exclusive for
 *    what it writes and shared for what it only reads (the project a design or file belongs to),
 *    all in one statement in ascending lock-id order, so two writers never wait on each other in
 *    a circle. Advisory locks also cover rows that do not exist yet (two creates of one id). Only
 *    after that are the current states read, so every mutation is judged against the committed
 *    version and a mutation id is applied at most once. Writers of different entities of one org
 *    do not wait for each other at all.
 * 2. The org change sequence, last: the org row is locked by the UPDATE that hands out the batch's
 *    seqs, right before the rows are written and the transaction commits. Seqs therefore commit in
 *    order (a writer holding seq n commits before the next one gets n+1), so a pull cursor never
 *    skips a change committed late; and the org is serialized only for that final write + commit.
 *
 * A deadlock or serialization failure (a lock-id collision, the org row) is retried (`withRetry`).
 */

export interface KeyLock {
  key: string;
  exclusive: boolean;
}

/** A signed 64-bit advisory lock id for a key of an org (the first 8 bytes of its SHA-256). */
export function lockId(orgId: string, key: string): bigint {
  return createHash('sha256').update(`${orgId}|${key}`).digest().readBigInt64BE(0);
}

/** Takes all the key locks of a transaction at once, in ascending lock-id order. */
export async function lockKeys(tx: Tx, orgId: string, keys: KeyLock[]): Promise<void> {
  const byId = new Map<bigint, boolean>();
  for (const k of keys) {
    const id = lockId(orgId, k.key);
    byId.set(id, (byId.get(id) ?? false) || k.exclusive);
  }
  if (byId.size === 0) return;
  const ids = [...byId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const idList = `{${ids.join(',')}}`;
  const exclusive = `{${ids.map((id) => (byId.get(id) ? 't' : 'f')).join(',')}}`;
  // unnest keeps the array order, so the locks are taken in ascending order
  await tx.execute(sql`
    select count(*) from (
      select case when t.x then pg_advisory_xact_lock(t.k) else pg_advisory_xact_lock_shared(t.k) end
      from unnest(${idList}::bigint[], ${exclusive}::bool[]) as t(k, x)
    ) locked`);
}

/**
 * Hands out `count` seqs of the org: locks the org row until commit (take it last, right before
 * writing) and returns the seq before the first one.
 */
export async function reserveSeqs(tx: Tx, orgId: string, count: number): Promise<number> {
  const rows = await tx
    .update(organizations)
    .set({ changeSeq: sql`${organizations.changeSeq} + ${count}` })
    .where(eq(organizations.id, orgId))
    .returning({ seq: organizations.changeSeq });
  if (!rows[0]) throw new Error(`organization ${orgId} vanished`);
  return rows[0].seq - count;
}

/** Locks the org row (until commit) and returns its last seq; callers then `saveSeq`. */
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

// 40P01 deadlock_detected, 40001 serialization_failure
const RETRYABLE = new Set(['40P01', '40001']);

function retryable(err: unknown): boolean {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (typeof e.code === 'string' && RETRYABLE.has(e.code)) return true;
  }
  return false;
}

/** Runs a transaction again (up to 5 times, with a short random pause) on deadlock/serialization. */
export async function withRetry<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (err) {
      if (attempt >= 5 || !retryable(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
