import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import {
  loginRequestSchema,
  loginResponseSchema,
  roleSchema,
} from '../../src-shared/sync/protocol';
import { accountWait, recordFailure, recordSuccess } from '../auth/login-throttle';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords';
import { issueToken, revokeToken, revokeUserTokens } from '../auth/tokens';
import type { RouteDeps } from '../context';
import { users } from '../db/schema';
import { ApiError, notFound } from '../http/errors';
import { ANY_ROLE, defineRoute } from '../http/route';
import { audit } from '../services/audit';

const meSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});

export function authRoutes({ app, database, settings }: RouteDeps): void {
  const db = database.db;

  defineRoute(app, db, {
    method: 'POST',
    url: '/v1/auth/login',
    summary: 'Exchange email + password for a bearer token',
    tags: ['auth'],
    auth: false,
    body: loginRequestSchema,
    response: { 200: loginResponseSchema },
    config: {
      rateLimit: {
        max: settings.loginRateLimit.max,
        timeWindow: settings.loginRateLimit.timeWindowMs,
      },
    },
    handler: async ({ body, req, reply }) => {
      const rows = await db
        .select()
        .from(users)
        .where(and(eq(users.email, body.email), isNull(users.disabledAt)));
      const user = rows[0];
      const lim = settings.loginAccountLimit;
      // The per-account limit (per-address is the route's rateLimit): a guesser who rotates
      // addresses waits; the owner, from an address that signed in before, does not.
      const wait = await accountWait(db, body.email, user?.id ?? null, req.ip, lim);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        void reply.header('retry-after', String(seconds));
        throw new ApiError(
          429,
          'RATE_LIMITED',
          `Too many failed sign-ins for this account; try again in ${seconds} s.`,
        );
      }
      // Always run scrypt so an unknown email takes as long as a wrong password.
      const ok = await verifyPassword(
        body.password,
        user?.passwordHash ?? (await dummyPasswordHash(settings.scrypt)),
      );
      if (!user || !ok) {
        await recordFailure(db, body.email, lim);
        throw new ApiError(401, 'UNAUTHORIZED', 'Email or password is wrong.');
      }
      await recordSuccess(db, user.id, req.ip);
      const { token, expiresAt } = await issueToken(db, user, settings.tokenTtlSeconds);
      await audit(db, [
        {
          orgId: user.orgId,
          userId: user.id,
          action: 'auth.login',
          entity: 'user',
          entityId: user.id,
        },
      ]);
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        user: {
          id: user.id,
          orgId: user.orgId,
          email: user.email,
          name: user.name,
          role: user.role,
        },
      };
    },
  });

  defineRoute(app, db, {
    method: 'POST',
    url: '/v1/auth/logout',
    summary: 'Revoke the token used for this request',
    tags: ['auth'],
    auth: ANY_ROLE,
    response: { 200: z.object({ ok: z.literal(true) }) },
    handler: async ({ user }) => {
      await revokeToken(db, user.tokenId);
      await audit(db, [{ orgId: user.orgId, userId: user.userId, action: 'auth.logout' }]);
      return { ok: true };
    },
  });

  defineRoute(app, db, {
    method: 'GET',
    url: '/v1/me',
    summary: 'The signed-in user',
    tags: ['auth'],
    auth: ANY_ROLE,
    response: { 200: meSchema },
    handler: async ({ user }) => ({
      id: user.userId,
      orgId: user.orgId,
      email: user.email,
      name: user.name,
      role: user.role,
    }),
  });

  defineRoute(app, db, {
    method: 'POST',
    url: '/v1/admin/users/:id/revoke-tokens',
    summary: 'Admin: revoke every live token of a user of your organization',
    tags: ['admin'],
    auth: ['admin'],
    params: z.object({ id: z.uuid({ error: 'must be a UUID' }) }),
    response: { 200: z.object({ revoked: z.number().int() }) },
    handler: async ({ user, params }) => {
      const target = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, params.id), eq(users.orgId, user.orgId)));
      if (!target[0]) throw notFound('User');
      const revoked = await revokeUserTokens(db, params.id);
      await audit(db, [
        {
          orgId: user.orgId,
          userId: user.userId,
          action: 'auth.revoke-user-tokens',
          entity: 'user',
          entityId: params.id,
          after: { revoked },
        },
      ]);
      return { revoked };
    },
  });
}
