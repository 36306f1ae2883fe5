import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  MIN_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type Role,
} from '../../src-shared/sync/protocol';
import { resolveToken, type AuthUser } from '../auth/tokens';
import type { Db } from '../db/client';
import { ApiError } from './errors';

/**
 * The boundary checks, in the order a request meets them: protocol version (every /v1 route),
 * then bearer token and role (per route). Handlers behind them receive a trusted AuthUser.
 */

export function installProtocolCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    void reply.header(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    if (!req.url.startsWith('/v1/')) return;
    const raw = req.headers[PROTOCOL_HEADER];
    const value = Array.isArray(raw) ? raw[0] : raw;
    const accepts = `this server speaks protocol ${MIN_PROTOCOL_VERSION}..${PROTOCOL_VERSION}`;
    if (!value || !/^\d+$/.test(value)) {
      throw new ApiError(
        426,
        'PROTOCOL_UNSUPPORTED',
        `Missing or invalid ${PROTOCOL_HEADER} header; ${accepts}. Update Signwright.`,
        { [PROTOCOL_HEADER]: 'required' },
      );
    }
    const v = Number(value);
    if (v < MIN_PROTOCOL_VERSION) {
      throw new ApiError(
        426,
        'PROTOCOL_UNSUPPORTED',
        `Protocol ${v} is no longer supported; ${accepts}. Update Signwright to keep syncing.`,
        { [PROTOCOL_HEADER]: 'too old' },
      );
    }
    if (v > PROTOCOL_VERSION) {
      throw new ApiError(
        426,
        'PROTOCOL_UNSUPPORTED',
        `Protocol ${v} is newer than this server; ${accepts}. Ask your administrator to upgrade it.`,
        { [PROTOCOL_HEADER]: 'too new' },
      );
    }
  });
}

export async function authenticate(db: Db, req: FastifyRequest, roles: readonly Role[]) {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const user: AuthUser | null = match ? await resolveToken(db, match[1]) : null;
  if (!user) {
    throw new ApiError(
      401,
      'UNAUTHORIZED',
      'Sign in again: the access token is missing, invalid, expired or revoked.',
    );
  }
  if (!roles.includes(user.role)) {
    throw new ApiError(
      403,
      'FORBIDDEN',
      `This action needs one of the roles: ${roles.join(', ')}.`,
    );
  }
  return user;
}
