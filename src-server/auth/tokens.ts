import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../../src-shared/sync/protocol';
import type { DbOrTx } from '../db/client';
import { authTokens, users } from '../db/schema';

/**
 * Opaque bearer tokens: 32 random bytes, shown to the client once, stored only as SHA-256. A
 * plain hash (not scrypt) is enough because the token has 256 bits of entropy, and it keeps the
 * per-request lookup to one indexed query.
 */

export interface AuthUser {
  userId: string;
  orgId: string;
  role: Role;
  email: string;
  name: string;
  tokenId: string;
}

const PREFIX = 'swt_';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueToken(
  db: DbOrTx,
  user: { id: string; orgId: string },
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  await db.insert(authTokens).values({
    userId: user.id,
    orgId: user.orgId,
    tokenHash: hashToken(token),
    expiresAt,
  });
  return { token, expiresAt };
}

/** The live token's user, or null for unknown, expired, revoked or disabled. */
export async function resolveToken(db: DbOrTx, token: string): Promise<AuthUser | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const rows = await db
    .select({
      tokenId: authTokens.id,
      userId: users.id,
      orgId: users.orgId,
      role: users.role,
      email: users.email,
      name: users.name,
    })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        isNull(authTokens.revokedAt),
        gt(authTokens.expiresAt, new Date()),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function revokeToken(db: DbOrTx, tokenId: string): Promise<void> {
  await db
    .update(authTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(authTokens.id, tokenId), isNull(authTokens.revokedAt)));
}

/** Revokes every live token of a user; returns how many were live. */
export async function revokeUserTokens(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .update(authTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(authTokens.userId, userId), isNull(authTokens.revokedAt)))
    .returning({ id: authTokens.id });
  return rows.length;
}
