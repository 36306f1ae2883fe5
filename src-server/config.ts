import { isIP } from 'node:net';
import { z } from 'zod';
import { LOG_FORMAT } from '../src-shared/log-format';
import { DEFAULT_SCRYPT } from './auth/passwords';
import type { ServerOptions } from './app';

/**
 * Environment -> ServerOptions. Unset DATABASE_URL means embedded PGlite in PGLITE_DIR; unset
 * S3_ENDPOINT means an s3rver in LOCAL_S3_DIR. Both defaults live under .data/ (git-ignored).
 */

const int = (min = 0) => z.coerce.number().int().min(min).optional();
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  PGLITE_DIR: z.string().default('.data/server/pglite'),
  /** Postgres connections per API instance */
  DATABASE_POOL_MAX: int(1),
  S3_ENDPOINT: z.url().optional(),
  S3_PUBLIC_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY: z.string().optional(),
  S3_SECRET_KEY: z.string().optional(),
  S3_BUCKET: z.string().default('signwright'),
  S3_REGION: z.string().default('us-east-1'),
  LOCAL_S3_DIR: z.string().default('.data/server/s3'),
  LOCAL_S3_PORT: int().default(4568),
  HOST: z.string().default('127.0.0.1'),
  PORT: int().default(8787),
  TOKEN_TTL_SECONDS: int(60),
  PRESIGN_EXPIRY_SECONDS: int(60),
  MULTIPART_THRESHOLD_BYTES: int(1),
  PART_SIZE_BYTES: int(1),
  BODY_LIMIT_BYTES: int(1024),
  UPLOAD_LIFETIME_SECONDS: int(600),
  LOGIN_RATE_MAX: int(1),
  LOGIN_RATE_WINDOW_MS: int(1000),
  LOGIN_ACCOUNT_FREE_FAILURES: int(1),
  LOGIN_ACCOUNT_MAX_DELAY_MS: int(1000),
  SCRYPT_LOG2N: int(14),
  /** the address (or a comma list of addresses / narrow CIDRs) of the proxy in front */
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerEnv = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid server environment:\n${lines.join('\n')}`);
  }
  return r.data;
}

/** Database options only: the admin CLI opens the same database the server would. */
export function databaseOptions(e: ServerEnv): Pick<ServerOptions, 'databaseUrl' | 'pgliteDir'> {
  return e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : { pgliteDir: e.PGLITE_DIR };
}

export function serverOptions(e: ServerEnv): ServerOptions {
  if (e.S3_ENDPOINT && (!e.S3_ACCESS_KEY || !e.S3_SECRET_KEY)) {
    throw new Error('S3_ENDPOINT is set, so S3_ACCESS_KEY and S3_SECRET_KEY are required.');
  }
  return {
    ...databaseOptions(e),
    poolMax: e.DATABASE_POOL_MAX,
    s3: e.S3_ENDPOINT
      ? {
          endpoint: e.S3_ENDPOINT,
          publicEndpoint: e.S3_PUBLIC_ENDPOINT,
          accessKey: e.S3_ACCESS_KEY ?? '',
          secretKey: e.S3_SECRET_KEY ?? '',
        }
      : undefined,
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    localS3Dir: e.LOCAL_S3_DIR,
    localS3Port: e.LOCAL_S3_PORT,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    presignExpirySeconds: e.PRESIGN_EXPIRY_SECONDS,
    multipartThresholdBytes: e.MULTIPART_THRESHOLD_BYTES,
    partSizeBytes: e.PART_SIZE_BYTES,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLifetimeSeconds: e.UPLOAD_LIFETIME_SECONDS,
    loginRateLimit:
      e.LOGIN_RATE_MAX || e.LOGIN_RATE_WINDOW_MS
        ? { max: e.LOGIN_RATE_MAX ?? 10, timeWindowMs: e.LOGIN_RATE_WINDOW_MS ?? 60_000 }
        : undefined,
    loginAccountLimit: {
      ...(e.LOGIN_ACCOUNT_FREE_FAILURES ? { freeFailures: e.LOGIN_ACCOUNT_FREE_FAILURES } : {}),
      ...(e.LOGIN_ACCOUNT_MAX_DELAY_MS ? { maxDelayMs: e.LOGIN_ACCOUNT_MAX_DELAY_MS } : {}),
    },
    scrypt: e.SCRYPT_LOG2N ? { ...DEFAULT_SCRYPT, log2N: e.SCRYPT_LOG2N } : undefined,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    // fastify's own pino, in the desktop app's line format (src-shared/log-format.ts), to stdout
    logger: { ...LOG_FORMAT, level: e.LOG_LEVEL },
  };
}

/**
 * TRUST_PROXY names the proxy in front of the API, whose X-Forwarded-For then gives the client
 * address the login limit counts by. Only that proxy may be trusted: trusting `true`, or a whole
 * private range (`uniquelocal`, 10.0.0.0/8), lets any client on the office LAN set its own
 * address with the header and so rotate past the limit. Refused with a message saying why.
 */
export function parseTrustProxy(v: string | undefined): string[] | undefined {
  if (v === undefined || v.trim() === '' || v.trim() === 'false') return undefined;
  const entries = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [addr, bits, extra] = entry.split('/');
    const family = isIP(addr);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    const narrowest = family === 6 ? 48 : 16;
    if (entry === 'loopback') continue; // a proxy on the same host
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < narrowest) {
      throw new Error(
        `TRUST_PROXY: "${entry}" is not allowed. Set it to the address of the proxy in front of the ` +
          `API (e.g. 10.0.0.5), a comma list of them, a CIDR no wider than /${narrowest}, or ` +
          '"loopback" for a proxy on the same host. Trusting every client (true) or a whole private ' +
          'range would let anyone on the LAN choose their own address and get past the login limit.',
      );
    }
  }
  return entries;
}
