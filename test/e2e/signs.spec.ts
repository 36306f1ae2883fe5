import type { Page } from '@playwright/test';
import { expectAccessible, expectNoSidewaysScroll, tabTo } from './checks';
import { expect, test } from './fixtures';
import { DesignPage } from './pages/design';

/** Types into the focused field after selecting what is there. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('a three-sign job from the keyboard: pylon, two monuments, a two-pole sign, each designed', async ({
  page,
  app,
  shot,
}) => {
  test.setTimeout(150_000);
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

  // the Signs tab by arrow key from Overview
  await tabTo(page, page.getByRole('tab', { name: 'Overview' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Signs' })).toHaveAttribute('aria-selected', 'true');
  const schedule = page.getByRole('table', { name: 'Sign schedule' });
  await expect(schedule.getByRole('row')).toHaveCount(2);

  // S1: named in place
  await tabTo(page, page.getByLabel('Name of sign S1'));
  await page.keyboard.type('pylon');
  await page.keyboard.press('Enter');
  // S2: added from the keyboard, its name field takes the focus; two identical monuments
  await tabTo(page, page.getByRole('button', { name: 'Add sign' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name of sign S2')).toBeFocused();
  await page.keyboard.type('monument');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Quantity of sign S2')).toBeFocused();
  await retype(page, '2');
  await page.keyboard.press('Enter');
  // S3: the two-pole sign
  await tabTo(page, page.getByRole('button', { name: 'Add sign' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name of sign S3')).toBeFocused();
  await page.keyboard.type('two-pole directory');
  await page.keyboard.press('Enter');
  await expect(page.getByText('3 signs, 4 to build')).toBeVisible();

  // design each sign: from its row's button, the design tab opens on it
  const design = new DesignPage(page);
  const designs: [string, () => Promise<void>][] = [
    ['S1', () => design.setNumber('Clearance to grade (ft)', 18)],
    [
      'S2',
      async () => {
        await design.form().getByLabel('Sign kind').selectOption('monument');
      },
    ],
    [
      'S3',
      async () => {
        await design.form().getByLabel('Number of poles').selectOption('2');
      },
    ],
  ];
  for (const [mark, edit] of designs) {
    await page.getByRole('tab', { name: 'Signs' }).click();
    await tabTo(page, page.getByRole('button', { name: `Design ${mark}` }));
    await page.keyboard.press('Enter');
    await expect(design.form()).toBeVisible();
    expect(
      await page.getByLabel('Sign', { exact: true }).locator('option:checked').textContent(),
    ).toMatch(new RegExp(`^${mark} `));
    await edit();
    await design.waitUpToDate();
    await tabTo(page, page.getByLabel('Revision note'));
    await page.keyboard.type(`${mark} as quoted`);
    await page.keyboard.press('Enter');
    await expect(design.revisions()).toContainText(`${mark} as quoted`);
    if (mark === 'S3') await shot(page, 'design-s3', { screen: true });
  }

  // the schedule: every sign designed, with its own revision, pole and footing
  await page.getByRole('tab', { name: 'Signs' }).click();
  const dataRows = schedule.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(dataRows).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    const row = dataRows.nth(i);
    await expect(row.getByRole('cell').nth(3)).toContainText('rev 1');
    await expect(row.getByRole('cell').nth(4)).toHaveText(/\S/);
    await expect(row.getByRole('cell').nth(5)).toHaveText(/^[\d.]+ ft Ø × [\d.]+ ft$/);
  }
  await expectNoSidewaysScroll(page, 'Signs');
  await expectAccessible(page, 'Signs');
  await shot(page, 'schedule', { screen: true });

  // after a reload (the data survives the window) the order and the quantities are the same
  await page.reload();
  await expect(schedule.getByRole('row')).toHaveCount(4);
  await expect(page.getByLabel('Quantity of sign S2')).toHaveValue('2');
  await expect(page.getByLabel('Name of sign S3')).toHaveValue('two-pole directory');
});
