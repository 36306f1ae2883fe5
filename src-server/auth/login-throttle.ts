import { createHash } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { knownLoginAddresses, loginThrottle } from '../db/schema';

/**
 * The per-account sign-in limit, on top of the per-address one (@fastify/rate-limit in
 * routes/auth.ts). An attacker who changes address for every guess is held up by the account;
 * the real user is never locked out for long: the lock is short, and it does not apply at all to
 * an address the account has signed in from before. Stored in Postgres, so every API instance
 * counts the same failures.
 *
 * Defaults: 5 failed passwords are free; each further failure locks the account against
 * addresses it has not used for 2 s, then 4, 8, 16, 32 and at most 60 s (about one guess a
 * minute, ~1,500 a day); the count starts over 15 minutes after the last failure. Addresses count
 * as known for 30 days after a successful sign-in.
 */

export interface AccountLimit {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** failures older than this (since the last one) are forgotten */
  windowMs: number;
  knownAddressDays: number;
}

export const DEFAULT_ACCOUNT_LIMIT: AccountLimit = {
  freeFailures: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  windowMs: 15 * 60_000,
  knownAddressDays: 30,
};

/** Unknown emails are counted like known ones, so the answers never tell which exist. */
const accountHash = (email: string) => createHash('sha256').update(`login:${email}`).digest('hex');

async function isKnownAddress(db: DbOrTx, userId: string, address: string, days: number) {
  const rows = await db
    .select({ a: knownLoginAddresses.address })
    .from(knownLoginAddresses)
    .where(
      and(
        eq(knownLoginAddresses.userId, userId),
        eq(knownLoginAddresses.address, address),
        gt(knownLoginAddresses.lastLoginAt, new Date(Date.now() - days * 86_400_000)),
      ),
    );
  return rows.length > 0;
}

/** Milliseconds this address must still wait before trying this account, or 0. */
export async function accountWait(
  db: DbOrTx,
  email: string,
  userId: string | null,
  address: string,
  lim: AccountLimit,
): Promise<number> {
  const rows = await db
    .select({ until: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(eq(loginThrottle.accountHash, accountHash(email)));
  const left = (rows[0]?.until?.getTime() ?? 0) - Date.now();
  if (left <= 0) return 0;
  if (userId && (await isKnownAddress(db, userId, address, lim.knownAddressDays))) return 0;
  return left;
}

export async function recordFailure(db: DbOrTx, email: string, lim: AccountLimit): Promise<void> {
  const hash = accountHash(email);
  const now = new Date();
  const stale = new Date(now.getTime() - lim.windowMs);
  const [row] = await db
    .insert(loginThrottle)
    .values({ accountHash: hash, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.accountHash,
      set: {
        failures: sql`case when ${loginThrottle.lastFailureAt} < ${stale} then 1 else ${loginThrottle.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: loginThrottle.failures });
  const over = row.failures - lim.freeFailures;
  if (over <= 0) return;
  const delay = Math.min(lim.baseDelayMs * 2 ** Math.min(over - 1, 30), lim.maxDelayMs);
  const until = new Date(now.getTime() + delay);
  // Never shortens a lock a concurrent failure has just set.
  await db
    .update(loginThrottle)
    .set({ lockedUntil: sql`greatest(coalesce(${loginThrottle.lockedUntil}, ${until}), ${until})` })
    .where(eq(loginThrottle.accountHash, hash));
}

export async function recordSuccess(db: DbOrTx, userId: string, address: string): Promise<void> {
  const now = new Date();
  await db
    .insert(knownLoginAddresses)
    .values({ userId, address, lastLoginAt: now })
    .onConflictDoUpdate({
      target: [knownLoginAddresses.userId, knownLoginAddresses.address],
      set: { lastLoginAt: now },
    });
}

/** Drops counters nobody has failed for a window, and addresses unused for too long. */
export async function pruneLoginState(db: DbOrTx, lim: AccountLimit): Promise<void> {
  const now = Date.now();
  await db
    .delete(loginThrottle)
    .where(lt(loginThrottle.lastFailureAt, new Date(now - Math.max(lim.windowMs, lim.maxDelayMs))));
  await db
    .delete(knownLoginAddresses)
    .where(lt(knownLoginAddresses.lastLoginAt, new Date(now - lim.knownAddressDays * 86_400_000)));
}
