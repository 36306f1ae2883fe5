import fs from 'node:fs';
import { expect, setUpProfile, test } from './fixtures';
import { DesignPage } from './pages/design';
import { ProjectsPage } from './pages/projects';

// Worked example W16 (../shared/reference/worked_examples.json; see test/fixtures/README.md):
// 8 ft x 4 ft sign, top at 20 ft, ASCE 7-22, 115 mph, Exposure C, one pipe, 2 ft pier, class 4.
test('enter W16, see the pole and depth, change the diameter, save, reload, reopen', async ({
  page,
  app,
  shot,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  await new ProjectsPage(page).create({ name: 'W16 pylon', company: 'Reference Co' });
  const design = new DesignPage(page);
  await design.open();

  // defaults for a new design are on screen
  await expect(design.form().getByLabel('Exposure category')).toHaveValue('C');
  await expect(design.form().getByLabel('Standard')).toHaveValue('ASCE7-22');

  await design.setNumber('Clearance to grade (ft)', 16);
  await design.setNumber('Height (ft)', 4);
  await design.setNumber('Width (ft)', 8);
  await design.form().getByLabel('Round HSS (A500 Gr. C)').uncheck();
  await design.form().getByLabel('Square HSS (A500 Gr. C)').uncheck();
  await design.setNumber('Footing diameter (ft)', 2);
  await design.waitUpToDate();
  await expect(design.selectedPole()).toHaveText('Pipe 6 Std.');
  await expect(design.metric('Depth')).toContainText('6.5');
  await expect(design.metric('qh')).toContainText('30.6');
  await expect(page.getByRole('img', { name: 'Elevation drawing' })).toContainText('overall 20 ft');
  await shot(page, '1-w16-entered');

  // a bad value is explained next to its field; results keep the last valid design
  await design.setNumber('Width (ft)', 0);
  const widthMessage = 'Cabinet width must be more than 0 ft and at most 100 ft';
  await expect(design.form().locator('.field').getByText(widthMessage)).toBeVisible();
  // ... and in the list of fields to fix, above the Save button
  await expect(page.getByRole('list', { name: 'Fields to fix' })).toContainText(widthMessage);
  await expect(design.selectedPole()).toHaveText('Pipe 6 Std.');
  await design.setNumber('Width (ft)', 8);

  // pick a wider footing from the diameter -> depth table: everything updates
  const table = design.results().getByRole('table', { name: 'Diameter to depth' });
  await table
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: '3.0', exact: true }) })
    .first()
    .click();
  await expect(design.form().getByLabel('Footing diameter (ft)')).toHaveValue('3');
  await design.waitUpToDate();
  const depth3 = await design.metric('Depth').innerText();
  expect(Number.parseFloat(depth3)).toBeLessThan(6.5);
  await shot(page, '2-diameter-changed');

  // save a revision
  await page.getByLabel('Revision note').fill('wider pier');
  await page.getByRole('button', { name: 'Save revision' }).click();
  const revisions = page.getByRole('table', { name: 'Design revisions' });
  await expect(revisions.getByRole('row')).toHaveCount(2);
  await expect(revisions).toContainText('Pipe 6 Std.');

  // reload: the draft is back, and the revision opens exactly as saved
  await page.reload();
  await expect(design.form().getByLabel('Footing diameter (ft)')).toHaveValue('3');
  await page.getByRole('button', { name: 'Open revision 1' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('selected-pole')).toHaveText('Pipe 6 Std.');
  await expect(dialog.locator('.metric', { hasText: 'Depth' }).locator('.v')).toHaveText(depth3);
  await dialog.getByRole('button', { name: 'Recompute with today’s engine' }).click();
  await expect(dialog.getByText(/gives the same results as the saved revision/)).toBeVisible();
  await shot(page, '3-revision-reopened');

  // the calc report downloads as a PDF
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Calc report (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('W16-pylon-calc-rev1.pdf');
  const bytes = fs.readFileSync((await file.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
});

test('the design keeps typing fluid: field change to results, measured', async ({ page, app }) => {
  await page.goto(app.url);
  await setUpProfile(page);
  await new ProjectsPage(page).create({ name: 'Timing' });
  const design = new DesignPage(page);
  await design.open();
  await design.waitUpToDate();
  for (const v of [100, 110, 120, 130, 140]) {
    await design.setNumber('Basic wind speed V (mph)', v);
    await design.waitUpToDate();
  }
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('design-update').length))
    .toBeGreaterThanOrEqual(5);
  // ASCE 7-22 Eq. 26.10-1 at the default sign top (12 ft clearance + 3 ft cabinet = 15 ft),
  // Exposure C Kz = 2.41 (15/2460)^(2/9.8) (Table 26.10-1): the last typed speed is on screen.
  const kz = 2.41 * (15 / 2460) ** (2 / 9.8);
  await expect(design.metric('qh')).toContainText((0.00256 * kz * 140 ** 2).toFixed(1));
});

test('two poles: spacing on the form, the drawing and each pole share in the results', async ({
  page,
  app,
  shot,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  await new ProjectsPage(page).create({ name: 'Two-pole pylon' });
  const design = new DesignPage(page);
  await design.open();
  await design.setNumber('Width (ft)', 10);
  await design.setNumber('Height (ft)', 5);
  await design.form().getByLabel('Number of poles').selectOption('2');
  await design.setNumber('Pole spacing (ft)', 6);
  await design.waitUpToDate();
  const shares = design.results().getByRole('table', { name: "Each pole's share" });
  await expect(shares.getByRole('row')).toHaveCount(3);
  await expect(shares).toContainText('(critical)');
  await expect(page.getByRole('img', { name: 'Elevation drawing' })).toContainText('spacing 6 ft');
  await expect(design.results().getByLabel('Footing load')).toContainText('Footing P =');
  await shot(page, '4-two-poles-spacing');
  const drawing = page.getByRole('img', { name: 'Elevation drawing' });
  await drawing.scrollIntoViewIfNeeded();
  await drawing.screenshot({ path: 'artifacts/screenshots/two-poles-elevation.png' });
  // poles outside the sign are refused next to the field, with the range
  await design.setNumber('Pole spacing (ft)', 12);
  const spacingMessage = /Pole spacing must be more than 0 ft and at most 10 ft for 2 poles/;
  await expect(design.form().locator('.field').getByText(spacingMessage)).toBeVisible();
  // ... and listed under the Save button with the other fields to fix
  await expect(page.getByRole('list', { name: 'Fields to fix' })).toContainText(spacingMessage);
});
