import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

test('an unreadable database shows a clear error screen and is left untouched', async ({
  page,
  app,
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
    page.getByRole('heading', { name: 'Signwright could not open your data' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Nothing was changed');
  expect(fs.readFileSync(file).equals(garbage)).toBe(true);
});
