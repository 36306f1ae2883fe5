import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../src-shared/sync/client';
import { openDatabase } from '../../src-server/db/client';
import { createOrg, createUser } from '../../src-server/services/orgs';
import { startLocalS3, type LocalS3 } from '../../src-server/storage/local-s3';
import { ObjectStore } from '../../src-server/storage/s3';
import { objectKey } from '../../src-server/services/verified-objects';
import { freshMain } from '../helpers/main';
import { startRoundRobinProxy, type RoundRobinProxy } from '../helpers/round-robin-proxy';
import { createThrowawayDatabase } from './harness';

/**
 * The server is stateless (issue 18): three `npm run server` processes on one Postgres and one S3,
 * behind a round-robin proxy; three laptops (the real desktop sync code) each talk to all three
 * while instances are killed (SIGKILL, mid-request) and started again. Afterwards every laptop
 * holds every project and file exactly once, and every file's verified bytes are in S3.
 *
 * Several processes cannot share the embedded PGlite, so this needs Postgres: TEST_DATABASE_URL,
 * else a local one at 127.0.0.1:5432. With neither the test fails and says so (never skipped).
 */

const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const INSTANCES = 3;
const LAPTOPS = 3;
const ROUNDS = 6;

async function postgresUrl(): Promise<string> {
  const url = process.env.TEST_DATABASE_URL ?? LOCAL_PG;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch (err) {
    throw new Error(
      `The multi-instance test needs Postgres (several server processes cannot share PGlite): set ` +
        `TEST_DATABASE_URL or run one at 127.0.0.1:5432. Connecting to ${url} failed: ${(err as Error).message}`,
    );
  }
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

class Instance {
  child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  get running() {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', TSX, 'src-server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`instance ${this.port} slow: ${err}`)),
        60_000,
      );
      child.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`instance ${this.port} exited (${code}): ${err}`));
      });
    });
  }
  async kill(): Promise<void> {
    const c = this.child;
    if (!c || !this.running) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
  }
}

describe('three API instances behind a round-robin proxy (Postgres)', () => {
  let drop: (() => Promise<void>) | undefined;
  let s3: LocalS3 | undefined;
  let s3Dir = '';
  let proxy: RoundRobinProxy | undefined;
  const instances: Instance[] = [];
  let store: ObjectStore;
  let orgId = '';
  const users: { email: string; password: string }[] = [];

  beforeAll(async () => {
    const db = await createThrowawayDatabase(await postgresUrl());
    drop = db.drop;
    s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-multi-s3-'));
    s3 = await startLocalS3({ directory: s3Dir });
    store = new ObjectStore({ ...s3, bucket: 'signwright', region: 'us-east-1' });
    await store.ensureBucket('us-east-1');
    const env = {
      DATABASE_URL: db.url,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: 'signwright',
      // small files go multipart too, so parts cross instances
      MULTIPART_THRESHOLD_BYTES: String(256 * 1024),
      PART_SIZE_BYTES: String(128 * 1024),
      SCRYPT_LOG2N: '14',
      LOG_LEVEL: 'warn',
    };
    for (let i = 0; i < INSTANCES; i++) instances.push(new Instance(await freePort(), env));
    await Promise.all(instances.map((x) => x.start()));
    proxy = await startRoundRobinProxy(instances.map((x) => x.url));

    const handle = await openDatabase({ databaseUrl: db.url, poolMax: 2 });
    try {
      orgId = (await createOrg(handle.db, 'Multi Signs')).id;
      for (let i = 0; i < LAPTOPS; i++) {
        const u = { email: `laptop${i}@multi.test`, password: `pw-laptop-${i}-long` };
        await createUser(
          handle.db,
          { orgId, email: u.email, password: u.password, role: 'estimator', name: `Laptop ${i}` },
          { log2N: 14, r: 8, p: 1 },
        );
        users.push(u);
      }
    } finally {
      await handle.close();
    }
  }, 110_000);

  afterAll(async () => {
    await proxy?.close();
    await Promise.all(instances.map((x) => x.kill()));
    await s3?.close();
    if (s3Dir) fs.rmSync(s3Dir, { recursive: true, force: true });
    await drop?.();
  });

  it('every laptop converges with 0 lost and 0 duplicated projects and files while instances die', async () => {
    const url = proxy!.url;
    const laptops: ReturnType<typeof freshMain>[] = [];
    for (const u of users) {
      const c = freshMain();
      await c.call('sync:sign-in', { serverUrl: url, email: u.email, password: u.password });
      laptops.push(c);
    }
    const names: string[] = [];
    const files = new Map<string, string>(); // sha256 -> file name
    const sync = async (c: (typeof laptops)[number]) => {
      try {
        return await c.call<SyncStatusView>('sync:now');
      } catch {
        return undefined; // a killed instance mid-request: the next round sends it again
      }
    };

    // instances die and come back the whole time the laptops work
    let working = true;
    let kills = 0;
    const chaos = (async () => {
      for (let i = 0; working; i++) {
        await new Promise((r) => setTimeout(r, 700));
        const victim = instances[i % INSTANCES];
        await victim.kill();
        kills++;
        await new Promise((r) => setTimeout(r, 400));
        await victim.start();
      }
    })();

    await Promise.all(
      laptops.map(async (c, l) => {
        // at least ROUNDS rounds, and on until every instance was killed once (at most 40)
        for (let r = 0; r < 40 && (r < ROUNDS || kills < INSTANCES); r++) {
          const made = [];
          for (let j = 0; j < 3; j++) {
            const name = `Laptop ${l} round ${r} sign ${j}`;
            names.push(name);
            made.push(await c.call<{ id: string }>('projects:create', { name }));
          }
          if (r % 2 === 0) {
            const bytes = randomBytes(300 * 1024 + l * 1000 + r); // multipart: 3 parts
            const fileName = `plan-${l}-${r}.bin`;
            files.set(createHash('sha256').update(bytes).digest('hex'), fileName);
            await c.call('attachments:import', {
              projectId: made[0].id,
              fileName,
              contentType: 'application/octet-stream',
              base64: bytes.toString('base64'),
            });
          }
          await sync(c);
        }
      }),
    );
    working = false;
    await chaos;
    for (const x of instances) if (!x.running) await x.start();
    expect(kills).toBeGreaterThanOrEqual(3);

    // settle: every laptop syncs until nothing is left to send and a round brings nothing new
    for (let round = 0; round < 8; round++) {
      for (const c of laptops) await sync(c);
      const pending = laptops.reduce(
        (n, c) =>
          n +
          (c.services.sqlite.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n,
        0,
      );
      if (pending === 0 && round > 0) break;
    }

    const wantNames = [...names].sort();
    for (const c of laptops) {
      const projects = c.services.sqlite
        .prepare('SELECT name FROM projects WHERE deleted_at IS NULL ORDER BY name')
        .all() as { name: string }[];
      expect(projects.map((p) => p.name)).toEqual(wantNames); // each once, none missing
      const atts = c.services.sqlite
        .prepare('SELECT sha256, file_name AS fileName FROM attachments ORDER BY sha256')
        .all() as { sha256: string; fileName: string }[];
      expect(atts).toEqual(
        [...files]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([sha256, fileName]) => ({ sha256, fileName })),
      );
      const outbox = c.services.sqlite.prepare('SELECT COUNT(*) AS n FROM outbox').get() as {
        n: number;
      };
      expect(outbox.n).toBe(0);
    }
    // every file's verified bytes are in S3, and a laptop that did not add it downloads it intact
    for (const [sha] of files) {
      const st = await store.stat(objectKey(orgId, sha));
      expect(st?.size).toBeGreaterThan(0);
    }
    const other = laptops[1];
    const firstFile = other.services.sqlite
      .prepare("SELECT id, sha256 FROM attachments WHERE file_name = 'plan-0-0.bin'")
      .get() as { id: string; sha256: string };
    await other.call('attachments:download', { id: firstFile.id });
    const read = await other.call<{ base64: string }>('attachments:read', { id: firstFile.id });
    expect(createHash('sha256').update(Buffer.from(read.base64, 'base64')).digest('hex')).toBe(
      firstFile.sha256,
    );
    // and the work really was spread over all three instances
    for (const [, n] of proxy!.served) expect(n).toBeGreaterThan(0);
    for (const c of laptops) c.close();
  }, 115_000);
});
