import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeStartupError } from '../../src-main/app/error-page';
import { startBridge } from '../../src-main/bridge/server';
import {
  DatabaseDamagedError,
  NewerDatabaseError,
  restoreBackup,
  takeDailyBackup,
} from '../../src-main/db/start-checks';
import { createMainContext, DB_FILE_NAME, type MainContext } from '../../src-main/main-context';

let dir = '';
let ctx: MainContext | undefined;
afterEach(() => {
  ctx?.close();
  ctx = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const open = () => createMainContext({ dataDir: dir, host: 'memory' });
const PROFILE = `INSERT INTO profile (id, name, initials, created_at, updated_at) VALUES ('local', 'T', 'T', 'x', 'x')`;

async function withProjects(n: number) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-start-'));
  const c = open();
  c.services.sqlite.prepare(PROFILE).run();
  for (let i = 0; i < n; i++)
    await c.dispatch('projects:create', { name: `Project ${i}`, notes: 'n'.repeat(400) });
  return c;
}

function damage(file: string) {
  // overwrite pages in the middle of the file, as a failing disk or a torn copy would
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, Math.floor(size / 4096 / 2) * 4096);
  fs.closeSync(fd);
}

describe('the local database at start', () => {
  it('a damaged file is refused before any write, the newest good backup is offered and restores', async () => {
    const c = await withProjects(300);
    const file = path.join(dir, DB_FILE_NAME);
    const backup = takeDailyBackup(c.services.sqlite, file, Date.parse('2026-03-01T08:00:00Z'))!;
    // a newer backup that is itself damaged is never offered
    const badBackup = takeDailyBackup(c.services.sqlite, file, Date.parse('2026-03-03T08:00:00Z'))!;
    damage(badBackup);
    await c.dispatch('projects:create', { name: 'After the backup' });
    c.close();
    damage(file);
    const before = sha(file);
    let err: unknown;
    try {
      ctx = open();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatabaseDamagedError);
    const damaged = err as DatabaseDamagedError;
    expect(damaged.backup?.path).toBe(backup);
    expect(sha(file)).toBe(before);
    const words = describeStartupError(err, '/logs');
    expect(words.title).toBe('Your local database file is damaged');
    expect(words.restore?.button).toBe('Restore the backup from 2026-03-01 08:00 UTC');
    expect(words.hint).toContain('kept aside');
    const aside = restoreBackup(file, damaged.backup!.path);
    expect(sha(aside)).toBe(before);
    ctx = open();
    const n = ctx.services.sqlite.prepare('SELECT count(*) AS n FROM projects').get() as {
      n: number;
    };
    expect(n.n).toBe(300);
  });

  it('a database from a newer Signwright is refused with plain words and left untouched', async () => {
    const c = await withProjects(1);
    c.services.sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('from-the-future', 4102444800000);
    c.close();
    const file = path.join(dir, DB_FILE_NAME);
    const before = sha(file);
    expect(() => (ctx = open())).toThrow(NewerDatabaseError);
    expect(() => (ctx = open())).toThrow(/made by a newer Signwright/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.backup-'))).toEqual([]);
    expect(describeStartupError(new NewerDatabaseError(file, 7, 8), '/l').title).toBe(
      'This data was made by a newer Signwright',
    );
  });

  it('data folders become 0700 and files 0600, also ones left readable by an older build', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-perm-'));
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'credentials.json'), '{}', { mode: 0o644 });
    fs.mkdirSync(path.join(dir, 'files'), { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'files', 'a'), 'x', { mode: 0o644 });
    ctx = open();
    const mode = (p: string) => fs.statSync(path.join(dir, p)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    expect(mode('credentials.json')).toBe(0o600);
    expect(mode('files')).toBe(0o700);
    expect(mode('files/a')).toBe(0o600);
    expect(mode(DB_FILE_NAME)).toBe(0o600);
    expect(mode(`${DB_FILE_NAME}-wal`)).toBe(0o600);
  });

  it('browser-mode pages cannot be framed by another origin', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-frame-'));
    ctx = open();
    const bridge = await startBridge({ ctx });
    try {
      for (const p of ['', 'rpc/projects:list', 'assets/none.js']) {
        const res = await fetch(bridge.url + p, { method: p.startsWith('rpc') ? 'POST' : 'GET' });
        expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
        expect(res.headers.get('x-frame-options')).toBe('DENY');
      }
    } finally {
      await bridge.close();
    }
  });
});

describe('damage found while running', () => {
  it('stops every write at once and says so in plain words, instead of "your saved work is safe"', async () => {
    const c = await withProjects(400);
    c.close();
    ctx = open();
    const file = path.join(dir, DB_FILE_NAME);
    // the file goes bad under the running app (pages it has not read yet)
    ctx.services.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    damage(file);
    let env = await ctx.dispatch('projects:list', { limit: 500, query: 'Project' });
    for (let i = 0; env.ok && i < 5; i++)
      env = await ctx.dispatch('projects:list', { limit: 500, offset: i * 50, query: `${i}` });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('UNAVAILABLE');
    expect(env.error.message).toContain('damaged, so Signwright stopped saving to it');
    const write = await ctx.dispatch('projects:create', { name: 'Must not be written' });
    expect(write.ok).toBe(false);
    expect(ctx.services.sqlite.pragma('query_only', { simple: true })).toBe(1);
  });
});
