import {
  expectAccessible,
  expectAllButtonsOnTop,
  expectNoSidewaysScroll,
  expectOnTop,
  realClick,
} from './checks';
import { expect, setUpProfile, test } from './fixtures';
import { DesignPage } from './pages/design';
import { ProjectsPage } from './pages/projects';
import { QuotePage } from './pages/quote';
import { fillCompany } from './pages/settings';

// At a 1366 x 768 laptop screen (playwright.config.ts): every screen and expanded panel without
// sideways scroll, every action button on the design and quote pages reachable by the mouse,
// axe-core clean, a screenshot of each.
test('layout at 1366x768: every screen fits, every design and quote button takes a real click', async ({
  page,
  app,
  shot,
}) => {
  // one long walk through every screen with an axe scan on each
  test.setTimeout(240_000);
  await page.goto(app.url);
  await expect(page.getByLabel('Your name')).toBeVisible();
  await expectNoSidewaysScroll(page, 'first start');
  await expectAccessible(page, 'first start');
  await shot(page, '00-first-start', { screen: true });
  await setUpProfile(page);
  const projects = new ProjectsPage(page);
  await projects.create({
    name: 'Harbor Bank pylon',
    company: 'Harbor Bank',
    address: '77 Wharf Rd',
  });
  await projects.backToList();
  await expectNoSidewaysScroll(page, 'projects');
  await expectAccessible(page, 'projects');
  await shot(page, '01-projects', { screen: true });
  await page.getByRole('button', { name: 'New project' }).click();
  await expectAccessible(page, 'new project dialog');
  await shot(page, '02-new-project', { screen: true });
  await page.keyboard.press('Escape');
  await projects.row('Harbor Bank pylon').click();
  await expectNoSidewaysScroll(page, 'overview');
  await expectAccessible(page, 'overview');
  await shot(page, '03-overview', { screen: true });

  // design: W16 (8 ft x 4 ft sign, top at 20 ft) with two saved revisions
  const design = new DesignPage(page);
  await design.open();
  await design.setNumber('Clearance to grade (ft)', 16);
  await design.setNumber('Height (ft)', 4);
  await design.setNumber('Footing diameter (ft)', 2);
  await design.waitUpToDate();
  await page
    .getByLabel('Revision note')
    .fill('a long note that must wrap rather than push the Open button under the results panel');
  await realClick(page.getByRole('button', { name: 'Save revision' }));
  await expect(design.revisions().getByRole('row')).toHaveCount(2);
  await design.setNumber('Footing diameter (ft)', 3);
  await design.waitUpToDate();
  await realClick(page.getByRole('button', { name: 'Save revision' }));
  await expect(design.revisions().getByRole('row')).toHaveCount(3);
  await expectNoSidewaysScroll(page, 'design');
  await expectAccessible(page, 'design');
  await shot(page, '04-design', { screen: true });
  await design.revisions().scrollIntoViewIfNeeded();
  await shot(page, '04-design-revisions', { screen: true });

  // expanded: every option and every calculation step; the results panel keeps its width
  const results = design.results();
  const before = await results.evaluate((el) => el.clientWidth);
  await results.getByText(/^All options/).click();
  await results.getByText(/^Calculation steps/).click();
  const steps = results.getByRole('table', { name: 'Calculation steps' });
  await expect(steps).toBeVisible();
  expect(await results.evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(before + 1);
  // clause and value are on screen beside the step name, not clipped
  const firstRow = steps.locator('tbody tr').first();
  for (const cell of [1, 2]) {
    const c = firstRow.locator('td').nth(cell);
    const fits = await c.evaluate(
      (el) => el.scrollWidth <= el.clientWidth + 1 && el.clientWidth > 20,
    );
    expect(fits, `step column ${cell} shows its text`).toBe(true);
  }
  await expectNoSidewaysScroll(page, 'design, steps and options expanded');
  await expectAccessible(page, 'design, expanded');
  await shot(page, '05-design-options', { screen: true });
  await steps.scrollIntoViewIfNeeded();
  await shot(page, '05-design-steps', { screen: true });
  const n = await expectAllButtonsOnTop(page.getByRole('main'));
  expect(n).toBeGreaterThan(20);

  // the revision table's Open: a real click opens the dialog with inputs and results
  await realClick(page.getByRole('button', { name: 'Open revision 1' }));
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Inputs' })).toBeVisible();
  await expect(dialog.getByText('Clearance to grade')).toBeVisible();
  await expectNoSidewaysScroll(page, 'revision dialog');
  await expectAccessible(page, 'revision dialog');
  await shot(page, '06-revision-dialog', { screen: true });
  await expectAllButtonsOnTop(dialog.getByRole('toolbar').or(dialog.locator('.toolbar')).first());
  await realClick(dialog.getByRole('button', { name: 'Close' }));
  await expect(dialog).toBeHidden();

  // quote: company details first (Settings), then generate, save, send
  await page.getByRole('link', { name: 'Settings' }).click();
  await fillCompany(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoSidewaysScroll(page, 'settings');
  await expectAccessible(page, 'settings');
  await shot(page, '07-settings', { screen: true });
  await page.goBack();
  const quote = new QuotePage(page);
  await quote.open();
  await quote.generate();
  await quote.saveRevision('first');
  await quote.saveRevision('second');
  await realClick(page.getByRole('button', { name: 'Mark sent: revision 2' }));
  await expect(page.getByLabel('Quote 2 status: Sent')).toBeVisible();
  // the project is Draft: Submitted is two steps away, so it asks
  const ask = page.getByRole('dialog', { name: 'Move the project to Submitted?' });
  await expect(ask).toContainText('Draft → Estimating → Submitted');
  await expectAccessible(page, 'project move question');
  await shot(page, '08-quote-move-project', { screen: true });
  await realClick(ask.getByRole('button', { name: 'Move to Submitted' }));
  await expect(page.getByLabel('Status: Submitted', { exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page, 'quote with a sent revision');
  await expectAccessible(page, 'quote');
  await shot(page, '08-quote', { screen: true });
  await quote.revisions().scrollIntoViewIfNeeded();
  await shot(page, '08-quote-revisions', { screen: true });
  await expectAllButtonsOnTop(page.getByRole('main'));
  // the sent revision's PDF and Mark expired are in reach, not behind "..."
  for (const name of [
    'Customer quote PDF of revision 2',
    'Cost sheet PDF of revision 2',
    'Mark expired: revision 2',
  ])
    await expectOnTop(page.getByRole('button', { name }));
  const download = page.waitForEvent('download');
  await realClick(page.getByRole('button', { name: 'Customer quote PDF of revision 2' }));
  expect((await download).suggestedFilename()).toBe('Harbor-Bank-pylon-quote-rev2.pdf');
  await realClick(page.getByRole('button', { name: 'Mark expired: revision 2' }));
  await expect(page.getByLabel('Quote 2 status: Expired')).toBeVisible();

  // the remaining screens
  for (const [tab, name] of [
    ['Signs', '08-signs'],
    ['Files', '09-files'],
    ['Activity', '10-activity'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await expectNoSidewaysScroll(page, tab);
    await expectAccessible(page, tab);
    await shot(page, name, { screen: true });
  }
  for (const [link, name] of [
    ['Price book', '11-price-book'],
    ['Sync', '12-sync'],
  ] as const) {
    await page.getByRole('link', { name: link }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, link);
    await expectAccessible(page, link);
    await shot(page, name, { screen: true });
  }
});
