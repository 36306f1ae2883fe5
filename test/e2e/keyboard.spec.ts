import fs from 'node:fs';
import type { Locator } from '@playwright/test';
import { tabTo } from './checks';
import { expect, test } from './fixtures';
import { DesignPage } from './pages/design';
import { QuotePage } from './pages/quote';

const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

test('keyboard only: create a project, design it, save a revision, quote it, export both PDFs', async ({
  page,
  app,
  shot,
}) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  // first start: the name field has the focus
  await expect(page.getByLabel('Your name')).toBeFocused();
  await page.keyboard.type('Kim Keys');
  await page.keyboard.press('Tab');
  await page.keyboard.type('KK');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('searchbox', { name: 'Search projects' })).toBeFocused();

  // New project: Enter acts on the button, the dialog takes the focus
  await tabTo(page, page.getByRole('button', { name: 'New project' }), { back: true });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog.getByLabel('Project name')).toBeFocused();
  await page.keyboard.type('Keyboard pylon');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: 'Keyboard pylon' });
  await expect(heading).toBeFocused(); // focus goes to the new page's heading

  // tabs: the selected tab is in the Tab order; arrows move between them
  await tabTo(page, page.getByRole('tab', { name: 'Overview' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Signs' })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Sign schedule' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Design' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Design' })).toHaveAttribute('aria-selected', 'true');
  const design = new DesignPage(page);
  await expect(design.form()).toBeVisible();
  const clearance = design.form().getByLabel('Clearance to grade (ft)');
  await tabTo(page, clearance);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('16');
  await design.waitUpToDate();
  await tabTo(page, page.getByLabel('Revision note'));
  await page.keyboard.type('by keyboard');
  await page.keyboard.press('Enter'); // submits the design form: Save revision
  await expect(design.revisions().getByRole('row')).toHaveCount(2);
  await expect(design.revisions()).toContainText('by keyboard');

  // to the Quote tab and generate
  await tabTo(page, page.getByRole('tab', { name: 'Design' }), { back: true });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Quote' })).toBeFocused();
  const quote = new QuotePage(page);
  const generate = page.getByRole('button', { name: 'Generate quote' });
  await expect(generate).toBeEnabled();
  await tabTo(page, generate);
  await page.keyboard.press('Enter');
  await expect(quote.lines()).toBeVisible();

  // an override edit opened from the keyboard, and Esc cancels it
  const override = page.getByRole('button', { name: 'Override Ready-mix concrete, placed' });
  await tabTo(page, override);
  await page.keyboard.press('Enter');
  const editor = page.getByRole('form', { name: 'Override Ready-mix concrete, placed' });
  await expect(editor.getByLabel(/^Quantity/)).toBeFocused();
  await page.keyboard.type('9');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(override).toBeFocused();
  await expect(quote.line('Ready-mix concrete')).not.toContainText('overridden');

  // save a quote revision and export both documents
  await tabTo(page, page.getByRole('button', { name: 'Save quote revision' }));
  await page.keyboard.press('Enter');
  await expect(quote.revisions().getByRole('row')).toHaveCount(2);
  for (const [button, file] of [
    ['Customer quote PDF of revision 1', 'Keyboard-pylon-quote-rev1.pdf'],
    ['Cost sheet PDF of revision 1', 'Keyboard-pylon-cost-sheet-rev1.pdf'],
  ]) {
    const target = page.getByRole('button', { name: button });
    await tabTo(page, target);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const d = await download;
    expect(d.suggestedFilename()).toBe(file);
    expect(
      fs
        .readFileSync((await d.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }
  await shot(page, '1-exported', { screen: true });
});

test('projects: Enter on a button or chip acts on it; the dialog traps and returns focus; Import CSV shows focus', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByLabel('Your name').fill('Kim Keys');
  await page.getByLabel('Initials').fill('KK');
  await page.getByRole('button', { name: 'Continue' }).click();
  for (const name of ['Alpha sign', 'Beta sign']) {
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('dialog').getByLabel('Project name').fill(name);
    await page.getByRole('dialog').getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.getByRole('link', { name: 'Projects' }).click();
  }
  const list = page.getByRole('table', { name: 'Projects' });
  await expect(list.locator('tbody tr')).toHaveCount(2);

  // Enter on "New project" opens the dialog, not the highlighted project
  const newProject = page.getByRole('button', { name: 'New project' });
  await newProject.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  // Tab never leaves the dialog, Esc closes it and the focus is back on the button
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(newProject).toBeFocused();

  // Enter on a filter chip toggles the chip
  const chip = page
    .getByRole('group', { name: 'Filter by status' })
    .getByRole('button', { name: 'Draft' });
  await chip.focus();
  await page.keyboard.press('Enter');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(chip).toHaveAttribute('aria-pressed', 'false');

  // arrows + Enter from the search box open a project; focus lands on its heading
  await page.getByRole('searchbox', { name: 'Search projects' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const h1 = page.getByRole('heading', { level: 1, name: 'Alpha sign' });
  await expect(h1).toBeFocused();
  // Home / End on the tabs
  await page.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Activity' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText('Created the project');
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Activity' })).toBeFocused();

  // Import CSV is a real button with a visible focus ring
  await page.getByRole('link', { name: 'Price book' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Price book' })).toBeFocused();
  const importCsv = page.getByRole('button', { name: 'Import CSV…' });
  await tabTo(page, importCsv);
  const ring = await importCsv.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(await focused(importCsv)).toBe(true);
});
