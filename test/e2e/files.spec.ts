import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { expect, setUpProfile, test } from './fixtures';
import { ProjectsPage } from './pages/projects';

const png = (): Promise<Buffer> =>
  sharp({ create: { width: 120, height: 80, channels: 4, background: '#1e6ec8' } })
    .png()
    .toBuffer();

function pdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(28).text('SITE PLAN: Harbor Bank pylon', 72, 72);
    doc.rect(72, 160, 300, 200).stroke();
    doc.addPage().text('Page two');
    doc.end();
  });
}

test('files: a PDF previews its first page in the app', async ({ page, app, shot }) => {
  await page.goto(app.url);
  await setUpProfile(page);
  await new ProjectsPage(page).create({ name: 'PDF pylon' });
  await page.getByRole('tab', { name: 'Files' }).click();
  await page
    .getByLabel('Choose files', { exact: true })
    .setInputFiles({ name: 'site-plan.pdf', mimeType: 'application/pdf', buffer: await pdf() });
  const table = page.getByRole('table', { name: 'Project files' });
  await table.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: 'site-plan.pdf' });
  await expect(preview.getByText('Page 1 of 2.')).toBeVisible({ timeout: 20_000 });
  const canvas = preview.getByRole('img', { name: 'First page of site-plan.pdf' });
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(300);
  // the page was drawn: the canvas is not blank
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 100 && d[i + 3] > 0) dark++;
    return dark;
  });
  expect(inked).toBeGreaterThan(500);
  await shot(page, 'pdf-preview');
});

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
  await chooser.setInputFiles({
    name: 'site-photo.png',
    mimeType: 'image/png',
    buffer: await png(),
  });
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
