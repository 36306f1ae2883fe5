import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
import { openDatabase } from '../../src-server/db/client';
import { lockPathFor } from '../../src-server/db/pglite-lock';
import { createThrowawayDatabase, SERVER_BACKENDS } from './harness';

const root = path.resolve(import.meta.dirname, '../..');

/** `server:admin` as a user runs it (node --import tsx), with the given environment. */
function runCli(env: NodeJS.ProcessEnv, ...args: string[]) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src-server/admin-cli.ts', ...args],
      { cwd: root, env },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          out: stdout.trim(),
          err: stderr.trim(),
        }),
    );
  });
}

/**
 * Issue 12.9 (and the user commands of 12.10). Following the README (server first, then
 * `server:admin`), the CLI used to print success while writing into a second PGlite instance:
 * login failed, and the organization vanished after a restart. These run the real processes.
 */
describe.each(SERVER_BACKENDS)(
  'admin CLI beside the server ($name)',
  { timeout: 180_000 },
  ({ pg }) => {
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let drop: (() => Promise<void>) | undefined;
    const running: ChildProcess[] = [];

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'sw-admin-'));
      const { DATABASE_URL: _d, S3_ENDPOINT: _s, ...rest } = process.env;
      env = {
        ...rest,
        PGLITE_DIR: path.join(dir, 'pglite'),
        LOCAL_S3_DIR: path.join(dir, 's3'),
        LOCAL_S3_PORT: '0',
        PORT: '0',
        LOG_LEVEL: 'silent',
        SCRYPT_LOG2N: '14',
      };
      fs.mkdirSync(path.join(dir, 's3'));
      if (pg) {
        const tmp = await createThrowawayDatabase(pg);
        env.DATABASE_URL = tmp.url;
        drop = tmp.drop;
      }
    });
    afterEach(async () => {
      await Promise.all(running.splice(0).map(stop));
    });
    afterAll(async () => {
      await drop?.();
      await rm(dir, { recursive: true, force: true });
    });

    const cli = (...args: string[]) => runCli(env, ...args);
    const ok = async (...args: string[]) => {
      const r = await cli(...args);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      return r.out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    };

    async function startServer(): Promise<{ url: string; child: ChildProcess }> {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.push(child);
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => {
          const m = /listening on (http:\/\/[\d.:]+)/.exec(d.toString());
          if (m) resolve(m[1]);
        });
        child.once('exit', (c) => reject(new Error(`server exited ${c}: ${err}`)));
      });
      return { url, child };
    }
    async function stop(child: ChildProcess) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    }
    const api = (
      url: string,
      p: string,
      init: { method?: string; token?: string; body?: unknown } = {},
    ) =>
      fetch(url + p, {
        method: init.method ?? 'GET',
        headers: {
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
        body: init.body ? JSON.stringify(init.body) : undefined,
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as Record<string, unknown>,
      }));
    const login = (url: string, email: string, password: string) =>
      api(url, '/v1/auth/login', { method: 'POST', body: { email, password } });

    it('works while the server runs: the user can log in, and everything survives a restart', async () => {
      const first = await startServer();
      const [org] = await ok('create-org', 'Sign', 'Co');
      expect(org.name).toBe('Sign Co');
      await ok(
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
      expect((await login(first.url, 'boss@sign.test', 'long enough pw')).status).toBe(200);
      expect(await ok('list-users', '--org', String(org.id))).toMatchObject([
        { email: 'boss@sign.test', role: 'admin', name: 'The Boss' },
      ]);
      const dup = await cli('create-org', 'Sign Co');
      expect(dup.code).toBe(1);
      expect(dup.err).toMatch(/already exists/);

      await stop(first.child);
      const second = await startServer();
      expect((await login(second.url, 'boss@sign.test', 'long enough pw')).status).toBe(200);
      expect(await ok('list-users', '--org', 'Sign Co')).toHaveLength(1);
    });

    it('works with no server running, and a server started afterwards sees it', async () => {
      await ok('create-org', 'Offline Co');
      await ok(
        'create-user',
        '--org',
        'Offline Co',
        '--email',
        'ann@offline.test',
        '--password',
        'another long pw',
        '--role',
        'estimator',
      );
      const bad = await cli(
        'create-user',
        '--org',
        'Nope',
        '--email',
        'x@y.zz',
        '--password',
        'long enough pw',
        '--role',
        'field',
      );
      expect(bad).toMatchObject({ code: 1, err: 'No organization "Nope".' });
      const role = await cli(
        'create-user',
        '--org',
        'Offline Co',
        '--email',
        'x@y.zz',
        '--password',
        'long enough pw',
        '--role',
        'boss',
      );
      expect(role.code).toBe(2);
      expect(role.err).toMatch(/--role must be one of estimator, field, admin/);
      const s = await startServer();
      expect((await login(s.url, 'ann@offline.test', 'another long pw')).status).toBe(200);
    });

    it('disables a user at once, enables them again, and deletes one keeping their work', async () => {
      const s = await startServer();
      await ok('create-org', 'Crew Co');
      await ok(
        'create-user',
        '--org',
        'Crew Co',
        '--email',
        'eve@crew.test',
        '--password',
        'eve long pw 1',
        '--role',
        'estimator',
        '--name',
        'Eve',
      );
      await ok(
        'create-user',
        '--org',
        'Crew Co',
        '--email',
        'max@crew.test',
        '--password',
        'max long pw 1',
        '--role',
        'estimator',
      );
      const eve = String((await login(s.url, 'eve@crew.test', 'eve long pw 1')).body.token);
      const projectId = crypto.randomUUID();
      const pushed = await api(s.url, '/v1/sync/push', {
        method: 'POST',
        token: eve,
        body: {
          mutations: [
            {
              mutationId: crypto.randomUUID(),
              entity: 'project',
              id: projectId,
              baseVersion: 0,
              op: 'upsert',
              data: { name: "Eve's job" },
            },
          ],
        },
      });
      expect(pushed.status).toBe(200);

      const [disabled] = await ok('disable-user', '--email', 'EVE@crew.test');
      expect(disabled).toMatchObject({ email: 'eve@crew.test', disabled: true, revokedTokens: 1 });
      expect((await api(s.url, '/v1/me', { token: eve })).status).toBe(401);
      expect((await login(s.url, 'eve@crew.test', 'eve long pw 1')).status).toBe(401);
      await ok('enable-user', '--email', 'eve@crew.test');
      const again = await login(s.url, 'eve@crew.test', 'eve long pw 1');
      expect(again.status).toBe(200);

      expect(await ok('delete-user', '--email', 'eve@crew.test')).toMatchObject([
        { deleted: 'eve@crew.test' },
      ]);
      expect((await api(s.url, '/v1/me', { token: String(again.body.token) })).status).toBe(401);
      expect((await login(s.url, 'eve@crew.test', 'eve long pw 1')).status).toBe(401);
      const max = String((await login(s.url, 'max@crew.test', 'max long pw 1')).body.token);
      const pulled = await api(s.url, '/v1/sync/pull', { token: max });
      const changes = pulled.body.changes as {
        id: string;
        data: { name: string };
        author: unknown;
      }[];
      expect(changes.find((c) => c.id === projectId)).toMatchObject({
        data: { name: "Eve's job" },
        author: null,
      });
      const gone = await cli('delete-user', '--email', 'eve@crew.test');
      expect(gone).toMatchObject({ code: 1, err: 'No user with email eve@crew.test.' });
    });
  },
);

describe('the embedded database lock', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sw-lock-'));
    const { DATABASE_URL: _d, ...rest } = process.env;
    env = { ...rest, PGLITE_DIR: path.join(dir, 'pglite') };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => runCli(env, ...args);

  it('is never opened by the CLI or a server while another process holds it', async () => {
    const lock = lockPathFor(env.PGLITE_DIR!);
    // A live process (this one) holds it as a server whose admin socket answers nothing.
    fs.writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, holder: 'server', socket: path.join(dir, 'none.sock') }),
    );
    try {
      const r = await cli('create-org', 'Ghost Co');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /holds the embedded database .* admin socket does not answer .* Nothing was changed/,
      );
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, holder: 'server' }));
      const bare = await cli('create-org', 'Ghost Co');
      expect(bare.code).toBe(1);
      expect(bare.err).toMatch(/in use by a running Signwright server \(pid \d+\)/);
      // ...and a server does not start on a directory the CLI holds.
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, holder: 'admin-cli' }));
      await expect(openDatabase({ pgliteDir: env.PGLITE_DIR, lockWaitMs: 300 })).rejects.toThrow(
        /in use by the admin CLI \(pid \d+\)/,
      );
    } finally {
      fs.rmSync(lock, { force: true });
    }
    // Nothing was written: the name is still free, and a lock left by a dead process is taken over.
    fs.writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, holder: 'server' }));
    const made = await cli('create-org', 'Ghost Co');
    expect(made.err).toBe('');
    expect(JSON.parse(made.out)).toMatchObject({ name: 'Ghost Co' });
    expect(fs.existsSync(lock)).toBe(false);
  });
});
