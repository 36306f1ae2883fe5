import type { FastifyInstance } from 'fastify';
import type { AccountLimit } from './auth/login-throttle';
import type { ScryptParams } from './auth/passwords';
import type { DatabaseHandle } from './db/client';
import type { ObjectStore } from './storage/s3';

/** Settled configuration every route module receives (defaults applied in app.ts). */
export interface ResolvedSettings {
  tokenTtlSeconds: number;
  presignExpirySeconds: number;
  multipartThresholdBytes: number;
  partSizeBytes: number;
  uploadLifetimeSeconds: number;
  /** per client address (the route's rate limit) */
  loginRateLimit: { max: number; timeWindowMs: number };
  /** per account (auth/login-throttle.ts) */
  loginAccountLimit: AccountLimit;
  scrypt: ScryptParams;
}

export interface RouteDeps {
  app: FastifyInstance;
  database: DatabaseHandle;
  store: ObjectStore;
  settings: ResolvedSettings;
}
