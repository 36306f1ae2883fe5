import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase, startTestServer } from './harness';

const run = promisify(execFile);
let dir: string;
let env: NodeJS.ProcessEnv;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sw-admin-'));
  env = { ...process.env, PGLITE_DIR: join(dir, 'pglite'), DATABASE_URL: '' };
  if (process.env.TEST_DATABASE_URL) {
    const tmp = await createThrowawayDatabase(process.env.TEST_DATABASE_URL);
    env.DATABASE_URL = tmp.url;
    drop = tmp.drop;
  } else {
    delete env.DATABASE_URL;
  }
});
afterAll(async () => {
  await drop?.();
  await rm(dir, { recursive: true, force: true });
});

const cli = async (...args: string[]) => {
  const { stdout } = await run('npx', ['tsx', 'src-server/admin-cli.ts', ...args], { env });
  return stdout.trim();
};

describe('admin CLI', () => {
  it('creates an org and a user who can then log in to the server', async () => {
    const org = JSON.parse(await cli('create-org', 'Sign', 'Co')) as { id: string; name: string };
    expect(org.name).toBe('Sign Co');
    await cli(
      'create-user',
      '--org',
      'Sign Co',
      '--email',
      'Boss@Sign.Test',
      '--password',
      'long enough pw',
      '--role',
      'admin',
      '--name',
      'The Boss',
    );
    const listed = (await cli('list-users', '--org', org.id)).split('\n').map((l) => JSON.parse(l));
    expect(listed).toMatchObject([{ email: 'boss@sign.test', role: 'admin', name: 'The Boss' }]);

    await expect(cli('create-user', '--org', 'Nope', '--email', 'x@y.zz')).rejects.toThrow(
      /No organization/,
    );

    const t = await startTestServer(
      env.DATABASE_URL
        ? { pg: false, databaseUrl: env.DATABASE_URL }
        : { pg: false, pgliteDir: env.PGLITE_DIR },
    );
    try {
      const res = await t.api<{ user: { role: string } }>('/v1/auth/login', {
        method: 'POST',
        body: { email: 'boss@sign.test', password: 'long enough pw' },
      });
      expect(res.status).toBe(200);
      expect(res.body.user.role).toBe('admin');
    } finally {
      await t.close();
    }
  });
});
