import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError, openDatabase } from '../../src-main/db/client';
import { createMainContext, DB_FILE_NAME, DEFAULT_MIGRATIONS } from '../../src-main/main-context';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-dur-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('a SIGKILL mid-stream leaves a sound database holding every acknowledged write', async () => {
    const dir = tmp();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/crash-writer.ts', dir],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acked: string[] = [];
    let buf = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const l of lines) if (l.startsWith('ACK ')) acked.push(l.slice(4));
        if (acked.length >= 300 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, sig) => {
        if (sig !== 'SIGKILL') reject(new Error(`writer exited early (${code}): ${stderr}`));
      });
    });
    await new Promise((r) => child.once('close', r));

    const db = new Database(path.join(dir, DB_FILE_NAME));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(
      (db.prepare('SELECT id FROM projects').all() as { id: string }[]).map((r) => r.id),
    );
    const missing = acked.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    // every stored project also has its audit event and outbox row (one transaction each)
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(n(`SELECT count(*) AS n FROM audit_events WHERE action = 'project.created'`)).toBe(
      stored.size,
    );
    expect(n('SELECT count(*) AS n FROM outbox')).toBe(stored.size);
    db.close();
    // and the app opens it again
    const ctx = createMainContext({ dataDir: dir, host: 'memory' });
    expect((await ctx.dispatch('audit:verify', {})).ok).toBe(true);
    ctx.close();
  });
});

describe('migrations', () => {
  it('sets WAL and foreign keys, and backs up an existing file before migrating', () => {
    const dir = tmp();
    const file = path.join(dir, DB_FILE_NAME);
    // an older database: only the first migration applied
    const partial = path.join(dir, 'partial-migrations');
    fs.mkdirSync(path.join(partial, 'meta'), { recursive: true });
    const journal = JSON.parse(
      fs.readFileSync(path.join(DEFAULT_MIGRATIONS, 'meta/_journal.json'), 'utf8'),
    );
    const first = journal.entries[0];
    fs.writeFileSync(
      path.join(partial, 'meta/_journal.json'),
      JSON.stringify({ ...journal, entries: [first] }),
    );
    fs.copyFileSync(
      path.join(DEFAULT_MIGRATIONS, `${first.tag}.sql`),
      path.join(partial, `${first.tag}.sql`),
    );
    const old = openDatabase({ file, migrationsFolder: partial });
    old.sqlite.prepare(`INSERT INTO profile VALUES ('local', 'Old User', 'OU', 'x', 'x')`).run();
    old.close();

    const opened = openDatabase({ file, migrationsFolder: DEFAULT_MIGRATIONS });
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.appliedMigrations).toBe(journal.entries.length - 1);
    expect(opened.backupPath).toBeDefined();
    const backup = new Database(opened.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT name FROM profile').get()).toEqual({ name: 'Old User' });
    expect(
      backup.prepare(`SELECT name FROM sqlite_master WHERE name = 'projects_fts'`).get(),
    ).toBeUndefined();
    backup.close();
    opened.close();
    // nothing pending: no new backup
    const again = openDatabase({ file, migrationsFolder: DEFAULT_MIGRATIONS });
    expect(again.backupPath).toBeUndefined();
    again.close();
  });

  it('fails closed: a broken migration rolls back, leaves the data and says where the backup is', () => {
    const dir = tmp();
    const file = path.join(dir, DB_FILE_NAME);
    const good = openDatabase({ file, migrationsFolder: DEFAULT_MIGRATIONS });
    good.sqlite.prepare(`INSERT INTO profile VALUES ('local', 'Kept', 'K', 'x', 'x')`).run();
    good.close();

    const broken = path.join(dir, 'broken');
    fs.cpSync(DEFAULT_MIGRATIONS, broken, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(broken, 'meta/_journal.json'), 'utf8'));
    const last = journal.entries[journal.entries.length - 1];
    journal.entries.push({
      ...last,
      idx: last.idx + 1,
      when: last.when + 1000,
      tag: '9999_broken',
    });
    fs.writeFileSync(path.join(broken, 'meta/_journal.json'), JSON.stringify(journal));
    fs.writeFileSync(
      path.join(broken, '9999_broken.sql'),
      'ALTER TABLE profile ADD COLUMN half text;\n--> statement-breakpoint\nTHIS IS NOT SQL;',
    );

    let error: unknown;
    try {
      openDatabase({ file, migrationsFolder: broken });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationError);
    const me = error as MigrationError;
    expect(me.message).toContain('could not be upgraded');
    expect(me.backupPath && fs.existsSync(me.backupPath)).toBeTruthy();
    // the half-applied column was rolled back and the data is there
    const db = new Database(file);
    const cols = (db.prepare('PRAGMA table_info(profile)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(cols).not.toContain('half');
    expect(db.prepare('SELECT name FROM profile').get()).toEqual({ name: 'Kept' });
    db.close();
  });
});
