import fs from 'node:fs';
import path from 'node:path';

const DRIZZLE = path.resolve(import.meta.dirname, '../../drizzle');

/**
 * drizzle/ as it stood at migration `last` (its SQL files and a journal cut there), written under
 * `dir`: a database migrated with it is one an older release wrote, for the migration tests.
 */
export function migrationsUpTo(dir: string, last: number): string {
  const out = path.join(dir, `migrations-${last}`);
  fs.mkdirSync(path.join(out, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(DRIZZLE, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  if (journal.entries.length !== last + 1)
    throw new Error(
      `drizzle/ has ${journal.entries.length} migrations up to ${last}, not ${last + 1}`,
    );
  for (const e of journal.entries)
    fs.copyFileSync(path.join(DRIZZLE, `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
  fs.writeFileSync(path.join(out, 'meta/_journal.json'), JSON.stringify(journal));
  return out;
}
