import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';

/** Writes a few pages of garbage into the middle of a database file (a failing disk, a torn copy). */
function damage(file: string) {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, Math.floor(size / 4096 / 2) * 4096);
  fs.closeSync(fd);
}

test('an unreadable database shows a clear error screen and is left untouched', async ({
  page,
  app,
  shot,
}) => {
  await app.stop();
  const file = path.join(app.dataDir, 'signwright.sqlite');
  for (const f of fs.readdirSync(app.dataDir))
    fs.rmSync(path.join(app.dataDir, f), { recursive: true });
  const garbage = Buffer.from(
    'this is not a SQLite database, it is somebody else’s file'.repeat(200),
  );
  fs.writeFileSync(file, garbage);
  await app.start();
  await page.goto(app.url);
  await expect(
    page.getByRole('heading', { name: 'Your local database file is damaged' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The file was left untouched');
  await shot(page, 'damaged-no-backup');
  expect(fs.readFileSync(file).equals(garbage)).toBe(true);
});

test('a damaged database offers the newest good backup; restoring keeps the damaged file aside', async ({
  page,
  app,
  shot,
}) => {
  test.setTimeout(90_000);
  await page.goto(app.url);
  await page.getByLabel('Your name').fill('Pat Estimator');
  await page.getByLabel('Initials').fill('PE');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Project name').fill('Backed-up pylon');
  await dialog.getByLabel('Notes').fill('n'.repeat(3000));
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backed-up pylon' })).toBeVisible();
  await app.stop();
  const file = path.join(app.dataDir, 'signwright.sqlite');
  // the app keeps a daily backup; make the database big enough to damage a middle page of it
  const db = new Database(file);
  db.exec(
    `CREATE TABLE IF NOT EXISTS filler (x TEXT); INSERT INTO filler SELECT hex(randomblob(400)) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 400) SELECT n FROM c);`,
  );
  const stamp = new Date(Date.now() - 3600_000).toISOString().replace(/[:.]/g, '-');
  for (const f of fs.readdirSync(app.dataDir).filter((n) => n.includes('.backup-')))
    fs.rmSync(path.join(app.dataDir, f));
  db.prepare('VACUUM INTO ?').run(`${file}.backup-${stamp}`);
  db.close();
  damage(file);
  await app.start();
  await page.goto(app.url);
  await expect(
    page.getByRole('heading', { name: 'Your local database file is damaged' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('kept aside');
  await shot(page, 'damaged-with-backup');
  await page.getByRole('button', { name: /Restore the backup from/ }).click();
  await expect(page.getByRole('heading', { name: 'Backup restored' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Projects' })).toContainText('Backed-up pylon', {
    timeout: 20_000,
  });
  await shot(page, 'restored');
  expect(fs.readdirSync(app.dataDir).some((n) => n.startsWith('signwright.sqlite.damaged-'))).toBe(
    true,
  );
});

test('a database written by a newer Signwright is refused and left untouched', async ({
  page,
  app,
}) => {
  await app.stop();
  const file = path.join(app.dataDir, 'signwright.sqlite');
  const db = new Database(file);
  db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
    'future',
    4102444800000,
  );
  db.close();
  const before = fs.readFileSync(file);
  await app.start();
  await page.goto(app.url);
  await expect(
    page.getByRole('heading', { name: 'This data was made by a newer Signwright' }),
  ).toBeVisible();
  expect(fs.readFileSync(file).equals(before)).toBe(true);
});
