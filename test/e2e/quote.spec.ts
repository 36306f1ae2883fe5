import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, setUpProfile, test } from './fixtures';
import { DesignPage } from './pages/design';
import { ProjectsPage } from './pages/projects';
import { QuotePage } from './pages/quote';
import { fillCompany } from './pages/settings';

const money = (s: string) => Number(s.replace(/[$,]/g, ''));

// W16 (test/fixtures/README.md): 8 ft x 4 ft sign with its top at 20 ft, one pipe, 2 ft pier.
test('quote a design, override, add a line, change the design, regenerate, compare, PDF', async ({
  page,
  app,
  shot,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  // a quote is sent only with the company's details (Settings)
  await page.getByRole('link', { name: 'Settings' }).click();
  await fillCompany(page);
  await page.getByRole('link', { name: 'Projects' }).click();
  await new ProjectsPage(page).create({
    name: 'W16 pylon',
    company: 'Harbor Bank',
    address: '77 Wharf Rd',
  });
  const design = new DesignPage(page);
  await design.open();
  await design.setNumber('Clearance to grade (ft)', 16);
  await design.setNumber('Height (ft)', 4);
  await design.setNumber('Width (ft)', 8);
  await design.form().getByLabel('Round HSS (A500 Gr. C)').uncheck();
  await design.form().getByLabel('Square HSS (A500 Gr. C)').uncheck();
  await design.setNumber('Footing diameter (ft)', 2);
  await design.waitUpToDate();
  await expect(design.selectedPole()).toHaveText('Pipe 6 Std.');
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByRole('table', { name: 'Design revisions' }).getByRole('row')).toHaveCount(
    2,
  );

  // generate: pole steel includes the embedded length (1 × (20 + 6.5) ft × 19 lb/ft = 503.5 lb)
  const quote = new QuotePage(page);
  await quote.open();
  await quote.generate();
  const steel = quote.line(/Pipe 6 Std\./);
  await expect(steel).toContainText('503.5');
  await expect(steel).toContainText('$458.19'); // 503.5 lb × $0.91, rounded half up once
  await expect(quote.line('Drilling 24 in diameter')).toContainText('6.5');
  await shot(page, '1-generated');

  // override concrete, add a manual line
  const before = money(await quote.total().innerText());
  await quote.override('Ready-mix concrete, placed', { unitPrice: '160', reason: 'winter mix' });
  await expect(quote.line('Ready-mix concrete')).toContainText('overridden');
  await expect(quote.line('Ready-mix concrete')).toContainText('$160.00');
  await quote.addManualLine({
    group: 'Fees and travel',
    description: 'Night work surcharge',
    quantity: '1',
    unit: 'each',
    unitPrice: '400',
  });
  await expect
    .poll(async () => money(await quote.total().innerText()))
    .toBeGreaterThan(before + 400);
  await quote.saveRevision('first pass');
  await expect(quote.revisions()).toContainText('first pass');
  await shot(page, '2-overridden-and-saved');

  // change the design: a 3 ft pier, saved as design revision 2
  await design.open();
  await design.setNumber('Footing diameter (ft)', 3);
  await design.waitUpToDate();
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByRole('table', { name: 'Design revisions' }).getByRole('row')).toHaveCount(
    3,
  );

  // regenerate on it: the lines follow the design, the override and manual line stay
  await quote.open();
  await expect(page.getByText(/Design revision 2 is newer/)).toBeVisible();
  const picker = page.getByLabel('Design revision');
  const rev2 = await picker.locator('option', { hasText: /^Revision 2/ }).getAttribute('value');
  await picker.selectOption(rev2!);
  await quote.generate();
  await expect(page.getByText(/Pricing design revision 2/)).toBeVisible();
  await expect(quote.line('Drilling 36 in diameter')).toBeVisible();
  await expect(quote.line('Ready-mix concrete')).toContainText('overridden');
  await expect(quote.line('Night work surcharge')).toBeVisible();
  await quote.saveRevision('3 ft pier');

  // compare the two revisions
  await page.getByLabel('Compare revision 1').check();
  await page.getByLabel('Compare revision 2').check();
  await page.getByRole('button', { name: 'Compare selected' }).click();
  const cmp = page.getByRole('region', { name: 'Quote comparison' });
  await expect(cmp.getByRole('table', { name: 'What changed' })).toContainText(
    'Footing diameter (ft)',
  );
  const drillRow = cmp
    .getByRole('table', { name: 'Line changes' })
    .getByRole('row')
    .filter({ hasText: 'Drilling' });
  await expect(drillRow).toContainText('changed');
  await expect(
    cmp
      .getByRole('table', { name: 'Total changes' })
      .getByRole('row')
      .filter({ hasText: /^Total\$/ }),
  ).toContainText(/[+−]\$/);
  await shot(page, '3-compared');

  // status: sent, then accepted; an accepted revision offers no more changes
  await page.getByRole('button', { name: 'Mark sent: revision 2' }).click();
  // the project is still Draft: Submitted is two steps away, so it asks; keep it this time
  await page
    .getByRole('dialog', { name: 'Move the project to Submitted?' })
    .getByRole('button', { name: 'Keep it Draft' })
    .click();
  await expect(page.getByText('The project stays Draft.')).toBeVisible();
  await page.getByRole('button', { name: 'Mark accepted: revision 2' }).click();
  await page
    .getByRole('dialog', { name: 'Move the project to Accepted?' })
    .getByRole('button', { name: 'Move to Accepted' })
    .click();
  await expect(page.getByLabel('Status: Accepted', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Quote 2 status: Accepted')).toBeVisible();
  await expect(page.getByRole('button', { name: /: revision 2$/ })).toHaveCount(0);

  // the quote PDF downloads; its text holds the customer, the lines and the total
  const total2 = await quote
    .revisions()
    .getByRole('row')
    .filter({ hasText: '3 ft pier' })
    .locator('td')
    .nth(7)
    .innerText();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Customer quote PDF of revision 2' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('W16-pylon-quote-rev2.pdf');
  const pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sw-q-')), 'q.pdf');
  await file.saveAs(pdfPath);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const needle of [
    'QUOTE 2',
    'Harbor Bank',
    '77 Wharf Rd',
    'Pipe 6 Std.',
    'Night work surcharge',
    `Total ${total2}`,
  ])
    expect(text).toContain(needle);
  await shot(page, '4-accepted');
});

test('price book: bad CSV refused with row and column, good edit saved as a new version', async ({
  page,
  app,
  shot,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Price book' }).click();
  await expect(page.getByRole('heading', { name: 'Price book' })).toBeVisible();
  await expect(page.getByText(/Version 1 in force/)).toBeVisible();

  const csv = [
    'code,category,name,unit,price,match,fixed,per_pole,per_yd3,per_ft2',
    'concrete,concrete,Concrete,yd3,-145.00,,0,0,0,0',
    'galv,finish,Galvanizing,lb,abc,,0,0,0,0',
  ].join('\n');
  await page
    .getByLabel('Import CSV')
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const problems = page.getByRole('alert', { name: 'Import problems' });
  await expect(problems).toContainText('Row 2, column price: Price must not be negative');
  await expect(problems).toContainText('Row 3, column price: Price must be a number');
  await expect(page.getByText(/Version 1 in force/)).toBeVisible();
  await shot(page, '1-import-refused');

  await page.getByLabel('Price, row 7').fill('152.50');
  await page.getByLabel('Version note').fill('concrete up');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByText(/Version 2 in force/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Price book versions' })).toContainText(
    'concrete up',
  );

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^price-book-v2-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text).toContain('concrete,concrete,"Ready-mix concrete, placed",yd3,152.50');
  await shot(page, '2-edited');
});
