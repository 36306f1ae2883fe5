import { PNG } from 'pngjs';
import { expect, setUpProfile, test } from './fixtures';
import { ProjectsPage } from './pages/projects';

function png(): Buffer {
  const img = new PNG({ width: 120, height: 80 });
  for (let i = 0; i < img.data.length; i += 4) {
    img.data[i] = 30;
    img.data[i + 1] = 110;
    img.data[i + 2] = 200;
    img.data[i + 3] = 255;
  }
  return PNG.sync.write(img);
}

test('files: refused programs and empty files, image preview, remove with undo', async ({
  page,
  app,
  shot,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  const projects = new ProjectsPage(page);
  await projects.create({ name: 'Files pylon' });
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(
    page.getByText('Up to 50 MB per file. Programs and scripts are not accepted.'),
  ).toBeVisible();
  const chooser = page.getByLabel('Choose files', { exact: true });
  await chooser.setInputFiles({
    name: 'setup.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ\x90\x00'),
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'setup.exe is a program or script (.exe)' }),
  ).toBeVisible();
  await chooser.setInputFiles({
    name: 'renamed.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('MZ\x90\x00rest'),
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'a Windows program (MZ), whatever its name says' }),
  ).toBeVisible();
  await chooser.setInputFiles({
    name: 'empty.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(0),
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'empty.pdf is empty (0 bytes)' }),
  ).toBeVisible();
  await chooser.setInputFiles({ name: 'site-photo.png', mimeType: 'image/png', buffer: png() });
  const table = page.getByRole('table', { name: 'Project files' });
  await expect(table.getByRole('row', { name: /site-photo\.png/ })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await table.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: 'site-photo.png' });
  await expect(preview.getByRole('img', { name: 'site-photo.png' })).toBeVisible();
  await shot(page, 'preview');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await table.getByRole('button', { name: 'Remove site-photo.png' }).click();
  await expect(page.getByText('No files yet.')).toBeVisible();
  await page
    .getByRole('status')
    .filter({ hasText: 'Removed site-photo.png' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(table.getByRole('row', { name: /site-photo\.png/ })).toBeVisible();
  await shot(page, 'restored');
});
