// Fails when `drizzle-kit generate` would produce a new migration, i.e. a schema change was made
// without generating its migration (docs/STYLE.md 6). Runs generate against a throwaway copy of each
// migrations folder and compares the file lists.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const sets = [
  { name: 'desktop (SQLite)', dialect: 'sqlite', schema: 'src-main/db/schema', out: 'drizzle' },
  {
    name: 'server (Postgres)',
    dialect: 'postgresql',
    schema: 'src-server/db/schema.ts',
    out: 'src-server/drizzle',
  },
];

let failed = false;
for (const set of sets) {
  if (!fs.existsSync(path.join(root, set.schema))) throw new Error(`no schema at ${set.schema}`);
  // drizzle-kit wants a relative --out, so the throwaway copy lives under node_modules/.cache
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(cache, 'sw-migcheck-'));
  const copy = path.join(tmp, 'out');
  if (fs.existsSync(path.join(root, set.out)))
    fs.cpSync(path.join(root, set.out), copy, { recursive: true });
  else fs.mkdirSync(copy);
  const before = fs.readdirSync(copy, { recursive: true }).sort().join('\n');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/drizzle-kit/bin.cjs'),
      'generate',
      '--dialect',
      set.dialect,
      '--schema',
      set.schema,
      '--out',
      path.relative(root, copy),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const snapshots = fs
    .readdirSync(path.join(copy, 'meta'))
    .filter((f) => f.endsWith('_snapshot.json'));
  if (!snapshots.length) throw new Error(`drizzle-kit produced no snapshot for ${set.name}`);
  const after = fs.readdirSync(copy, { recursive: true }).sort().join('\n');
  fs.rmSync(tmp, { recursive: true, force: true });
  if (before !== after) {
    failed = true;
    console.error(
      `Migrations for ${set.name} are out of date: run drizzle-kit generate and commit the result.`,
    );
  } else {
    console.log(`Migrations for ${set.name} are up to date.`);
  }
}
process.exit(failed ? 1 : 0);
