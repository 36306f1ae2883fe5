import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One way to touch the database (issue 14): desktop and server code use drizzle's query builder.
 * Raw SQL is allowed only where drizzle cannot express it, in the files below, each for the
 * reason given (and each place in the file says why in a comment).
 */
const ALLOWED: Record<string, string> = {
  'src-main/db/start-checks.ts':
    'integrity check (PRAGMA quick_check), the migration journal and VACUUM INTO backups, on a ' +
    'read-only connection opened before drizzle and before the schema is known to fit',
  'src-main/db/client.ts':
    "drizzle's own migration journal and sqlite_master (not tables of our schema), and the " +
    'VACUUM INTO backup taken before migrating',
  'src-main/services/projects.ts': 'FTS5 MATCH on the projects_fts virtual table (search)',
};

const ROOT = path.resolve(import.meta.dirname, '../..');
const WINGS = ['src-main', 'src-server'];

/** better-sqlite3's prepare/exec with SQL text, drizzle's sql.raw, and (desktop) whole statements in sql``. */
const PATTERNS: { name: string; re: RegExp; wings: string[] }[] = [
  { name: '.prepare(<sql>)', re: /\.prepare\(\s*[^)\s]/, wings: WINGS },
  { name: '.exec(<sql>)', re: /\.exec\(\s*[`'"]/, wings: WINGS },
  { name: 'sql.raw(', re: /\bsql\.raw\(/, wings: WINGS },
  {
    name: 'sql`<statement>`',
    re: /\bsql(?:<[^>]*>)?`[^`]*\b(?:SELECT|INSERT|UPDATE|DELETE|VACUUM|PRAGMA|CREATE|DROP)\b/i,
    wings: ['src-main'],
  },
];

function rawSqlIn(source: string, wing: string): string[] {
  // drop comments so a comment that mentions prepare() is not a finding
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return PATTERNS.filter((p) => p.wings.includes(wing) && p.re.test(code)).map((p) => p.name);
}

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('raw SQL only in the named places', () => {
  it('finds the patterns it is meant to find (and not a regex .exec)', () => {
    expect(rawSqlIn(`sqlite.prepare('SELECT 1').get()`, 'src-main')).toEqual(['.prepare(<sql>)']);
    expect(rawSqlIn('db.prepare(SQL).all()', 'src-server')).toEqual(['.prepare(<sql>)']);
    expect(rawSqlIn('sqlite.exec(`CREATE TABLE t (a)`)', 'src-main')).toContain('.exec(<sql>)');
    expect(rawSqlIn('db.run(sql.raw(text))', 'src-main')).toEqual(['sql.raw(']);
    expect(rawSqlIn('db.all(sql`select * from projects`)', 'src-main')).toEqual([
      'sql`<statement>`',
    ]);
    // drizzle's own prepared statements, a regex, a column expression: not raw SQL
    expect(rawSqlIn('q.prepare(); /\\d+/.exec(s); sql`${t.n} + 1`', 'src-main')).toEqual([]);
  });

  it('no file outside the list uses raw SQL', () => {
    const found: string[] = [];
    for (const wing of WINGS)
      for (const file of sources(wing)) {
        if (ALLOWED[file]) continue;
        const hits = rawSqlIn(fs.readFileSync(path.join(ROOT, file), 'utf8'), wing);
        if (hits.length) found.push(`${file}: ${hits.join(', ')}`);
      }
    expect(found, 'use drizzle, or add the file to ALLOWED with the reason').toEqual([]);
  });

  it('every listed file still needs its place on the list', () => {
    const stale = Object.keys(ALLOWED).filter(
      (file) =>
        !fs.existsSync(path.join(ROOT, file)) ||
        rawSqlIn(fs.readFileSync(path.join(ROOT, file), 'utf8'), file.split('/')[0]).length === 0,
    );
    expect(stale).toEqual([]);
  });
});
