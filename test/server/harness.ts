import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type Role } from '../../src-shared/sync/protocol';
import { createServer, type ServerOptions, type SignwrightServer } from '../../src-server/app';
import { issueToken } from '../../src-server/auth/tokens';
import { createOrg, createUser } from '../../src-server/services/orgs';

/**
 * Starts a real server in-process for integration tests (this folder and the sync client's):
 * Postgres when `pg` / TEST_DATABASE_URL is set (a throwaway `sw_test_<random>` database, dropped
 * on close, so parallel test files never collide) and in-memory PGlite otherwise, plus an s3rver
 * on a free port in a temp dir. Everything listens on 127.0.0.1 port 0.
 */

/**
 * The databases a server test runs on: the embedded PGlite always, and Postgres as well when
 * TEST_DATABASE_URL is set (CI sets it). Use with `describe.each(SERVER_BACKENDS)` and pass
 * `pg` to startTestServer.
 */
export const SERVER_BACKENDS: { name: string; pg: string | false }[] = [
  { name: 'PGlite', pg: false },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'Postgres', pg: process.env.TEST_DATABASE_URL }]
    : []),
];

/**
 * One database for the tests whose subject does not depend on the driver (HTTP limits and body
 * validation: PGlite is the same Postgres engine): Postgres when TEST_DATABASE_URL is set, else
 * the embedded PGlite. Keeps CI inside its time budget; the sync and storage suites run on both.
 */
export const PRIMARY_BACKEND: { name: string; pg: string | false }[] = [
  SERVER_BACKENDS[SERVER_BACKENDS.length - 1],
];

export interface TestServerOptions extends ServerOptions {
  /** admin URL of a Postgres server to create the throwaway database on; false forces PGlite */
  pg?: string | false;
}

export interface TestUser {
  orgId: string;
  orgName: string;
  userId: string;
  email: string;
  password: string;
  role: Role;
  /** a live bearer token (issued directly, so tests never trip the login rate limit) */
  token: string;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiRequest {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** send the protocol header (default true) */
  protocol?: boolean;
}

export interface TestServer {
  url: string;
  server: SignwrightServer;
  dbKind: 'postgres' | 'pglite';
  /** a new org (or an existing one via orgId) with one user of the given role */
  createOrgAndUser(o?: {
    orgName?: string;
    orgId?: string;
    email?: string;
    password?: string;
    role?: Role;
    name?: string;
  }): Promise<TestUser>;
  /** fetch against the server with JSON in/out and the protocol header set */
  api<T = unknown>(path: string, req?: ApiRequest): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

// Tests are not about KDF cost; the format (and the login check) is the same as in production.
const FAST_SCRYPT = { log2N: 10, r: 8, p: 1 };

/** A fresh `sw_test_<random>` database on a Postgres server; `drop()` removes it. */
export async function createThrowawayDatabase(adminUrl: string) {
  const name = `sw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { url: url.toString(), drop };
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const { pg: pgOpt, ...serverOpts } = opts;
  const adminUrl = pgOpt === false ? undefined : (pgOpt ?? process.env.TEST_DATABASE_URL);
  const throwaway = adminUrl ? await createThrowawayDatabase(adminUrl) : undefined;
  let server: SignwrightServer;
  try {
    server = await createServer({
      logger: false,
      scrypt: FAST_SCRYPT,
      loginRateLimit: { max: 1000, timeWindowMs: 60_000 },
      ...serverOpts,
      databaseUrl: throwaway?.url ?? serverOpts.databaseUrl,
    });
  } catch (err) {
    await throwaway?.drop();
    throw err;
  }
  const url = await server.listen(0, '127.0.0.1');
  const db = server.database.db;

  const api: TestServer['api'] = async (path, req = {}) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.protocol !== false) headers[PROTOCOL_HEADER] ??= String(PROTOCOL_VERSION);
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    let body: string | undefined;
    if (req.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    }
    const res = await fetch(url + path, { method: req.method ?? 'GET', headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // non-JSON answers (e.g. /docs HTML) stay text
    }
    return { status: res.status, headers: res.headers, body: parsed as never };
  };

  return {
    url,
    server,
    dbKind: server.database.kind,
    api,
    async createOrgAndUser(o = {}) {
      const orgId =
        o.orgId ?? (await createOrg(db, o.orgName ?? `Org ${randomUUID().slice(0, 8)}`)).id;
      const email = o.email ?? `${randomUUID().slice(0, 12)}@example.test`;
      const password = o.password ?? `pw-${randomUUID()}`;
      const role = o.role ?? 'estimator';
      const user = await createUser(
        db,
        { orgId, email, password, role, name: o.name ?? email },
        server.settings.scrypt,
      );
      const { token } = await issueToken(db, user, server.settings.tokenTtlSeconds);
      return {
        orgId,
        orgName: o.orgName ?? '',
        userId: user.id,
        email: user.email,
        password,
        role,
        token,
      };
    },
    async close() {
      await server.close();
      await throwaway?.drop();
    },
  };
}
