import { startTestServer, type TestServer, type TestUser } from '../server/harness';
import { freshMain } from '../helpers/main';
import type { SyncStatusView } from '../../src-shared/sync/client';

export type Client = ReturnType<typeof freshMain>;

/** Server backends the sync suites run against: PGlite always, Postgres when CI provides it. */
export const BACKENDS: { name: string; pg: string | false }[] = [
  { name: 'PGlite', pg: false },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'Postgres', pg: process.env.TEST_DATABASE_URL }]
    : []),
];

export async function startServer(
  pg: string | false,
  opts: Parameters<typeof startTestServer>[0] = {},
) {
  return startTestServer({ pg, ...opts });
}

/** A desktop client (its own SQLite file) signed in to the server as `user`. */
export async function signedInClient(
  server: TestServer | { url: string },
  user: TestUser,
  opts: Parameters<typeof freshMain>[0] = {},
): Promise<Client> {
  const c = freshMain(opts);
  await c.call<SyncStatusView>('sync:sign-in', {
    serverUrl: server.url,
    email: user.email,
    password: user.password,
  });
  return c;
}

export async function syncOk(c: Client): Promise<SyncStatusView> {
  const s = await c.call<SyncStatusView>('sync:now');
  if (s.phase !== 'idle' && s.phase !== 'needs-confirmation')
    throw new Error(`sync failed: ${s.phase} ${s.lastError}`);
  return s;
}

export const rows = <T>(c: Client, sql: string, ...args: unknown[]) =>
  c.services.sqlite.prepare(sql).all(...args) as T[];
