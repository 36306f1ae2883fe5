import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { PROTOCOL_VERSION } from '../src-shared/sync/protocol';
import { runAdminCommand } from './admin/commands';
import { serveAdmin, socketPathFor } from './admin/socket';
import { DEFAULT_ACCOUNT_LIMIT, type AccountLimit } from './auth/login-throttle';
import { DEFAULT_SCRYPT, type ScryptParams } from './auth/passwords';
import type { ResolvedSettings, RouteDeps } from './context';
import { openDatabase, type DatabaseHandle } from './db/client';
import { ApiError, installErrorHandlers } from './http/errors';
import { installProtocolCheck } from './http/guard';
import { attachmentRoutes } from './routes/attachments';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { projectRoutes } from './routes/projects';
import { syncRoutes } from './routes/sync';
import { startLocalS3, type LocalS3 } from './storage/local-s3';
import { ObjectStore, type S3Config } from './storage/s3';
import { sweepStaleUploads, type SweepReport } from './services/upload-sweeper';

const MiB = 1024 * 1024;

export interface ServerOptions {
  /** postgres://...; unset -> embedded PGlite (in `pgliteDir`, or in memory) */
  databaseUrl?: string;
  pgliteDir?: string;
  poolMax?: number;
  /** external S3/MinIO; unset -> an s3rver is started (in `localS3Dir`, or a temp dir) */
  s3?: Partial<S3Config> & Pick<S3Config, 'endpoint' | 'accessKey' | 'secretKey'>;
  bucket?: string;
  region?: string;
  localS3Dir?: string;
  localS3Port?: number;
  tokenTtlSeconds?: number;
  presignExpirySeconds?: number;
  /** files above this size get a multipart upload plan (default 16 MiB) */
  multipartThresholdBytes?: number;
  /** S3 needs >= 5 MiB per part except the last; s3rver accepts smaller (tests) */
  partSizeBytes?: number;
  bodyLimitBytes?: number;
  /** uploads (open multipart uploads, unattached staging copies) older than this are abandoned */
  uploadLifetimeSeconds?: number;
  /** sign-in attempts per client address (default 10 per 60 s) */
  loginRateLimit?: { max: number; timeWindowMs: number };
  /** failed sign-ins per account before it slows down (auth/login-throttle.ts) */
  loginAccountLimit?: Partial<AccountLimit>;
  scrypt?: ScryptParams;
  /** fastify/pino logger options; false silences (tests) */
  logger?: FastifyServerOptions['logger'];
  /** the address(es) of the proxy in front, so the login rate limit keys on the client address it
   * puts in X-Forwarded-For; default false (the header is not trusted). config.ts refuses `true`
   * and whole private ranges: any client in them could then choose its own address. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** serve OpenAPI at /docs (default true) */
  docs?: boolean;
}

export interface SignwrightServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  store: ObjectStore;
  settings: ResolvedSettings;
  /** the embedded s3rver, when no S3 endpoint was configured */
  localS3?: LocalS3;
  /** abandons uploads older than their lifetime now (it also runs on a timer) */
  sweepNow(): Promise<SweepReport>;
  /** listen on loopback (port 0 = any free port); resolves to the base URL */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

async function openStorage(opts: ServerOptions, app: FastifyInstance) {
  const bucket = opts.s3?.bucket ?? opts.bucket ?? 'signwright';
  const region = opts.s3?.region ?? opts.region ?? 'us-east-1';
  if (opts.s3) {
    const store = new ObjectStore({ ...opts.s3, bucket, region });
    await store.ensureBucket(region);
    return { store, cleanup: async () => undefined };
  }
  const dir = opts.localS3Dir ?? (await mkdtemp(join(tmpdir(), 'signwright-s3-')));
  const localS3 = await startLocalS3({
    directory: dir,
    port: opts.localS3Port,
    log: (level, msg) => app.log[level](msg),
  });
  const store = new ObjectStore({ ...localS3, bucket, region });
  await store.ensureBucket(region);
  const cleanup = async () => {
    await localS3.close().catch(() => undefined);
    if (!opts.localS3Dir) await rm(dir, { recursive: true, force: true });
  };
  return { store, localS3, cleanup };
}

export async function createServer(opts: ServerOptions = {}): Promise<SignwrightServer> {
  const settings: ResolvedSettings = {
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 7 * 24 * 3600,
    presignExpirySeconds: opts.presignExpirySeconds ?? 15 * 60,
    multipartThresholdBytes: opts.multipartThresholdBytes ?? 16 * MiB,
    partSizeBytes: opts.partSizeBytes ?? 8 * MiB,
    uploadLifetimeSeconds: opts.uploadLifetimeSeconds ?? 24 * 3600,
    loginRateLimit: opts.loginRateLimit ?? { max: 10, timeWindowMs: 60_000 },
    loginAccountLimit: { ...DEFAULT_ACCOUNT_LIMIT, ...opts.loginAccountLimit },
    scrypt: opts.scrypt ?? DEFAULT_SCRYPT,
  };
  // Undone in reverse on close, or when starting fails half way.
  const cleanups: (() => Promise<unknown>)[] = [];
  const undo = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  };
  try {
    const database = await openDatabase(opts);
    cleanups.push(() => database.close());
    const app = Fastify({
      logger: opts.logger ?? true,
      bodyLimit: opts.bodyLimitBytes ?? 8 * MiB,
      trustProxy: opts.trustProxy ?? false,
    });
    cleanups.push(() => app.close());
    const storage = await openStorage(opts, app);
    cleanups.splice(1, 0, storage.cleanup); // closed after the app, before the database
    await configure(app, opts);

    // The admin CLI hands its commands to this process while it holds the PGlite directory.
    if (database.lock && opts.pgliteDir) {
      const socket = socketPathFor(opts.pgliteDir);
      const admin = await serveAdmin(
        socket,
        (cmd) => runAdminCommand(database.db, cmd, settings.scrypt),
        (err, msg) => app.log.error({ err }, msg),
      );
      database.lock.setSocket(socket);
      cleanups.push(() => admin.close());
    }

    const deps: RouteDeps = { app, database, store: storage.store, settings };
    healthRoutes(deps);
    authRoutes(deps);
    syncRoutes(deps);
    attachmentRoutes(deps);
    projectRoutes(deps);
    await app.ready();

    const sweepNow = () =>
      sweepStaleUploads(
        database.db,
        storage.store,
        settings.uploadLifetimeSeconds * 1000,
        settings.loginAccountLimit,
      );
    // A quarter of the lifetime between sweeps (at most hourly); failures wait for the next one.
    const every = Math.min((settings.uploadLifetimeSeconds * 1000) / 4, 3600_000);
    const timer = setInterval(() => {
      sweepNow().catch((err: unknown) => app.log.warn({ err }, 'upload sweep failed'));
    }, every);
    timer.unref();
    cleanups.push(async () => clearInterval(timer));

    let closed = false;
    return {
      app,
      database,
      store: storage.store,
      settings,
      localS3: storage.localS3,
      sweepNow,
      async listen(port = 0, host = '127.0.0.1') {
        await app.listen({ port, host });
        const addr = app.server.address();
        const p = typeof addr === 'object' && addr ? addr.port : port;
        return `http://${host.includes(':') ? `[${host}]` : host}:${p}`;
      },
      async close() {
        if (closed) return;
        closed = true;
        await undo();
      },
    };
  } catch (err) {
    await undo();
    throw err;
  }
}

async function configure(app: FastifyInstance, opts: ServerOptions): Promise<void> {
  // zod validates in defineRoute; ajv would answer first with different messages.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandlers(app);
  installProtocolCheck(app);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new ApiError(429, 'RATE_LIMITED', `Too many attempts; try again in ${ctx.after}.`),
  });
  if (opts.docs !== false) {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Signwright sync API',
          version: `protocol ${PROTOCOL_VERSION}`,
          description: 'Every /v1 request needs the header x-signwright-protocol.',
        },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  }
}
