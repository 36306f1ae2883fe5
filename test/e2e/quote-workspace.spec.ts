import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible, realClick } from './checks';
import { expect, setUpProfile, test } from './fixtures';
import { DesignPage } from './pages/design';
import { ProjectsPage } from './pages/projects';
import { QuotePage } from './pages/quote';
import { fillCompany } from './pages/settings';

const REPORTS = path.resolve(import.meta.dirname, '../../artifacts/reports');
const money = (s: string) => Number(s.replace(/[$,]/g, ''));

/** Downloads a PDF, keeps it in artifacts/reports and returns its text (pdftotext). */
async function pdfOf(page: Page, button: string, keepAs: string): Promise<string> {
  const download = page.waitForEvent('download');
  await realClick(page.getByRole('button', { name: button }));
  const file = await download;
  fs.mkdirSync(REPORTS, { recursive: true });
  const to = path.join(REPORTS, keepAs);
  await file.saveAs(to);
  expect(fs.readFileSync(to).subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('pdftotext', [to, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function quotedW16(page: Page, app: { url: string }, name: string) {
  await page.goto(app.url);
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await fillCompany(page);
  await page.getByRole('link', { name: 'Projects' }).click();
  await new ProjectsPage(page).create({ name, company: 'Harbor Bank', address: '77 Wharf Rd' });
  const design = new DesignPage(page);
  await design.open();
  // W16: 8 ft x 4 ft sign, top at 20 ft, one pipe, 2 ft pier
  await design.setNumber('Clearance to grade (ft)', 16);
  await design.setNumber('Height (ft)', 4);
  await design.form().getByLabel('Round HSS (A500 Gr. C)').uncheck();
  await design.form().getByLabel('Square HSS (A500 Gr. C)').uncheck();
  await design.setNumber('Footing diameter (ft)', 2);
  await design.waitUpToDate();
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(design.revisions().getByRole('row')).toHaveCount(2);
  const quote = new QuotePage(page);
  await quote.open();
  await quote.generate();
  return quote;
}

test('quote settings take effect as typed: a revision saved right after typing has them', async ({
  page,
  app,
  shot,
}) => {
  const quote = await quotedW16(page, app, 'Settings as typed');
  const settings = page.getByRole('form', { name: 'Quote settings' });
  const at25 = money(await quote.total().innerText());

  // markup 35 %, then Save at once: saving waits for the settings to apply, never saves 25 %
  await settings.getByLabel('Markup (%)').fill('35');
  await page.getByLabel('Quote note').fill('at 35');
  await page.getByRole('button', { name: 'Save quote revision' }).click();
  await expect(quote.revisions()).toContainText('at 35');
  const at35 = money(await quote.total().innerText());
  expect(at35).toBeGreaterThan(at25);
  const row = quote.revisions().getByRole('row').filter({ hasText: 'at 35' });
  await expect(row).toContainText(
    at35.toLocaleString('en-US', { style: 'currency', currency: 'USD' }),
  );
  await expect(page.getByText('Markup 35 %')).toBeVisible();
  const sheet = await pdfOf(
    page,
    'Cost sheet PDF of revision 1',
    'settings-as-typed-cost-sheet.pdf',
  );
  expect(sheet).toContain('Overhead and profit (markup) 35 %');

  // an invalid value is never applied and blocks saving, with the reason on screen
  await settings.getByLabel('Markup (%)').fill('95');
  await expect(settings.getByText('Markup or margin must be between 0 and 90 %')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save quote revision' })).toBeDisabled();
  await expect(page.getByText(/Fix the quote settings first/)).toBeVisible();
  await expect(page.getByText('Markup 35 %')).toBeVisible();
  await shot(page, '1-invalid-setting', { screen: true });
  await settings.getByLabel('Markup (%)').fill('');
  await expect(page.getByText('Markup 25 %')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save quote revision' })).toBeEnabled();
});

test('customer quote and cost sheet: two documents, the customer one without internal figures', async ({
  page,
  app,
}) => {
  const quote = await quotedW16(page, app, 'Harbor Bank pylon');
  await expect(page.getByTestId('sign-description')).toHaveText(
    'Double-faced illuminated aluminum cabinet 8 ft x 4 ft on one Pipe 6 Std. pole, 20 ft overall, drilled footing 2 ft diameter x 6.5 ft deep.',
  );
  // overridden line: the customer must not see the asterisk
  await quote.override('Ready-mix concrete, placed', { unitPrice: '160', reason: 'winter mix' });
  await quote.saveRevision('for Dana');
  const total = await quote
    .revisions()
    .getByRole('row')
    .filter({ hasText: 'for Dana' })
    .locator('td')
    .nth(7)
    .innerText();

  const customer = await pdfOf(page, 'Customer quote PDF of revision 1', 'e2e-customer-quote.pdf');
  for (const needle of [
    'Brightline Signs LLC',
    'QUOTE 1',
    'Harbor Bank',
    '77 Wharf Rd',
    'Double-faced illuminated aluminum cabinet 8 ft x 4 ft on one Pipe 6 Std. pole, 20 ft overall, drilled footing 2 ft diameter x 6.5 ft deep.',
    `Total ${total}`,
    'Acceptance',
    'Customer signature',
    'Name (printed)',
  ])
    expect(customer, `customer quote: ${needle}`).toContain(needle);
  for (const banned of [
    /contingency/i,
    /markup/i,
    /overhead/i,
    /\bhours?\b/i,
    /\*/,
    /\$130\.00/,
    /\$0\.91/,
  ])
    expect(customer, `customer quote must not show ${banned}`).not.toMatch(banned);

  const sheet = await pdfOf(page, 'Cost sheet PDF of revision 1', 'e2e-cost-sheet.pdf');
  for (const needle of [
    'COST SHEET',
    'INTERNAL',
    'Contingency 5 %',
    '$130.00',
    'Ready-mix concrete, placed *',
    `Total ${total}`,
  ])
    expect(sheet, `cost sheet: ${needle}`).toContain(needle);

  // the working quote exports both too
  const draft = await pdfOf(page, 'Customer quote (PDF)', 'e2e-customer-quote-draft.pdf');
  expect(draft).toContain('DRAFT QUOTE');
});

test('a failing design: saved as a revision, quoted and sent only with an acknowledgement', async ({
  page,
  app,
  shot,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await fillCompany(page);
  await page.getByRole('link', { name: 'Projects' }).click();
  await new ProjectsPage(page).create({ name: 'Windy Point' });
  await page.getByRole('button', { name: 'Start estimating' }).click();
  const design = new DesignPage(page);
  await design.open();
  // 180 mph, Exposure D, 20 ft x 10 ft cabinet 20 ft up on pipes only: no pipe passes
  await design.setNumber('Basic wind speed V (mph)', 180);
  await design.form().getByLabel('Exposure category').selectOption('D');
  await design.setNumber('Clearance to grade (ft)', 20);
  await design.setNumber('Width (ft)', 20);
  await design.setNumber('Height (ft)', 10);
  await design.form().getByLabel('Round HSS (A500 Gr. C)').uncheck();
  await design.form().getByLabel('Square HSS (A500 Gr. C)').uncheck();
  await design.setNumber('Footing diameter (ft)', 3);
  await design.waitUpToDate();
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(design.revisions()).toContainText('does not pass');

  const quote = new QuotePage(page);
  await quote.open();
  const panel = page.getByRole('region', { name: 'Design does not pass' });
  await expect(panel).toContainText('No steel section in the allowed families passes every check');
  const generate = page.getByRole('button', { name: 'Generate quote' });
  await expect(generate).toBeDisabled();
  await expectAccessible(page, 'quote of a failing design');
  await shot(page, '1-acknowledge', { screen: true });
  await panel.getByRole('checkbox').check();
  await realClick(generate);
  await expect(quote.lines()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Design does not pass' })).toContainText(
    'Quoting acknowledged by Pat Estimator',
  );
  await quote.saveRevision('anyway');
  await expect(quote.revisions()).toContainText('design fails');

  await realClick(page.getByRole('button', { name: 'Mark sent: revision 1' }));
  const ask = page.getByRole('dialog', { name: 'Send quote revision 1?' });
  await expect(ask).toContainText('Design does not pass');
  await expect(ask.getByRole('button', { name: 'Mark sent' })).toBeDisabled();
  await expectAccessible(page, 'send acknowledgement');
  await shot(page, '2-acknowledge-send', { screen: true });
  await ask.getByRole('checkbox').check();
  await realClick(ask.getByRole('button', { name: 'Mark sent' }));
  await expect(page.getByLabel('Quote 1 status: Sent')).toBeVisible();
  // Estimating -> Submitted is allowed directly: done, and said
  await expect(page.getByText(/Project moved from Estimating to Submitted/)).toBeVisible();
  await expect(page.getByLabel('Status: Submitted', { exact: true })).toBeVisible();

  const text = await pdfOf(
    page,
    'Customer quote PDF of revision 1',
    'e2e-failing-customer-quote.pdf',
  );
  expect(text).toContain('Design does not pass:');
  expect(text).toContain('Sending acknowledged by Pat Estimator');
});
