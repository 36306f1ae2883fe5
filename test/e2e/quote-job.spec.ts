import fs from 'node:fs';
import { expectAccessible, expectNoSidewaysScroll, tabTo } from './checks';
import { expect, test } from './fixtures';
import { DesignPage } from './pages/design';

test('one quote for a three-sign job from the keyboard: lines by sign, customer quote and job packet', async ({
  page,
  app,
  shot,
}) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await page.getByLabel('Your name').fill('Sam Signs');
  await page.getByLabel('Initials').fill('SS');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'New project' }).click();
  await page
    .getByRole('dialog', { name: 'New project' })
    .getByLabel('Project name')
    .fill('Corner gas');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Corner gas' })).toBeFocused();

  // the schedule: S1 pylon, S2 monument × 2, S3 two-pole
  await page.getByRole('tab', { name: 'Signs' }).click();
  await page.getByLabel('Name of sign S1').fill('pylon');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Add sign' }).click();
  await expect(page.getByLabel('Name of sign S2')).toBeFocused();
  await page.keyboard.type('monument');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Add sign' }).click();
  await expect(page.getByLabel('Name of sign S3')).toBeFocused();
  await page.keyboard.type('two-pole');
  await page.keyboard.press('Enter');
  await expect(page.getByText('3 signs, 4 to build')).toBeVisible();

  const design = new DesignPage(page);
  for (const [mark, edit] of [
    ['S1', () => design.setNumber('Clearance to grade (ft)', 18)],
    ['S2', () => design.form().getByLabel('Sign kind').selectOption('monument')],
    ['S3', () => design.form().getByLabel('Number of poles').selectOption('2')],
  ] as const) {
    await page.getByRole('tab', { name: 'Signs' }).click();
    await page.getByRole('button', { name: `Design ${mark}` }).click();
    await expect(design.form()).toBeVisible();
    await edit();
    await design.waitUpToDate();
    await page.getByLabel('Revision note').fill(`${mark} as quoted`);
    await page.keyboard.press('Enter');
    await expect(design.revisions()).toContainText(`${mark} as quoted`);
  }

  // the Quote tab: each sign with its design revision picker, generated from the keyboard
  await page.getByRole('tab', { name: 'Quote' }).click();
  const signs = page.getByRole('table', { name: 'Signs in this quote' });
  await expect(signs).toBeVisible();
  for (const mark of ['S1', 'S2', 'S3'])
    await expect(page.getByLabel(`Design revision for ${mark}`)).toHaveValue(/.+/);
  const generate = page.getByRole('button', { name: 'Generate quote' });
  await expect(generate).toBeEnabled();
  await tabTo(page, generate);
  await page.keyboard.press('Enter');
  const lines = page.getByRole('table', { name: 'Quote lines' });
  await expect(lines).toBeVisible();
  for (const label of [
    'S1 pylon',
    'S2 monument × 2',
    'S3 two-pole',
    'Job lines (once for the job)',
  ])
    await expect(lines.getByRole('rowheader', { name: label })).toBeVisible();
  for (const mark of ['S1', 'S2', 'S3'])
    await expect(lines.getByText(`${mark} subtotal`)).toBeVisible();
  await expectNoSidewaysScroll(page, 'job quote');
  await expectAccessible(page, 'job quote');
  await shot(page, 'job-quote', { screen: true });

  // an override on the monument's concrete only, from the keyboard
  const override = page.getByRole('button', { name: 'Override Ready-mix concrete, placed (S2)' });
  await tabTo(page, override);
  await page.keyboard.press('Enter');
  const editor = page.getByRole('form', { name: 'Override Ready-mix concrete, placed (S2)' });
  await expect(editor.getByLabel(/^Quantity/)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(override).toBeFocused();

  // save a revision and export the customer quote and the job packet
  await tabTo(page, page.getByRole('button', { name: 'Save quote revision' }));
  await page.keyboard.press('Enter');
  const revisions = page.getByRole('table', { name: 'Quote revisions' });
  await expect(revisions.getByRole('row')).toHaveCount(2);
  for (const [button, file] of [
    ['Customer quote PDF of revision 1', 'Corner-gas-quote-rev1.pdf'],
    ['Job packet PDF of revision 1', 'Corner-gas-job-packet-rev1.pdf'],
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
  await expectNoSidewaysScroll(page, 'job quote with a revision');
  await revisions.scrollIntoViewIfNeeded();
  await shot(page, 'job-quote-revisions', { screen: true });

  // the schedule shows each sign's price; with the job lines they add up to the job total
  await page.getByRole('tab', { name: 'Signs' }).click();
  const schedule = page.getByRole('table', { name: 'Sign schedule' });
  const dollars = (t: string) => Math.round(Number(t.replace(/[^\d.]/g, '')) * 100);
  const prices: number[] = [];
  for (let i = 1; i <= 3; i++) {
    const cell = schedule.getByRole('row').nth(i).getByRole('cell').nth(6);
    await expect(cell).toHaveText(/^\$[\d,]+\.\d{2}$/);
    prices.push(dollars((await cell.textContent())!));
  }
  const note = page.getByText(/^Job total \$/);
  const m =
    /^Job total (\$[\d,.]+) on the working quote, of which job lines \([^)]*\) (\$[\d,.]+)\./.exec(
      (await note.textContent())!,
    );
  expect(m).not.toBeNull();
  expect(prices.reduce((a, b) => a + b, 0) + dollars(m![2])).toBe(dollars(m![1]));
  await shot(page, 'schedule-priced', { screen: true });
});
