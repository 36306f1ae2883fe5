import { execFileSync } from 'node:child_process';
import { expect, setUpProfile, test } from './fixtures';
import { ProjectsPage } from './pages/projects';

const COUNT = 10_000;
const name = (i: number) => `Project ${String(i).padStart(5, '0')}`;

test('10,000 projects: the count is true, the last one is reached by scrolling and by End, no sideways scroll', async ({
  page,
  app,
  shot,
}) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await setUpProfile(page);
  // written through the app's own services (createProject, one transaction) while it is stopped:
  // the list is what is tested here; 10,000 commands one by one took most of a minute
  await app.stop();
  const seeded = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'test/helpers/seed-projects.ts', app.dataDir, String(COUNT)],
    { encoding: 'utf8' },
  );
  expect(seeded.trim()).toBe(`seeded ${COUNT}`);
  await app.start();
  await page.goto(app.url);

  const projects = new ProjectsPage(page);
  await projects.backToList();
  await expect(page.getByText('10,000 shown')).toBeVisible();
  // newest first; only a screenful of rows is in the page, not 10,000 (nor the old 200)
  await expect(projects.rows().first()).toContainText(name(COUNT));
  expect(await projects.rows().count()).toBeLessThan(100);

  // scroll to the very end: the oldest project is the last row
  // (as a user drags the scrollbar down until it stops: rows measured on the way may add a few px)
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(projects.row(name(1))).toBeInViewport({ timeout: 500 });
  }).toPass();
  await expect(page.getByRole('row', { name: new RegExp(name(1)) })).toHaveAttribute(
    'aria-rowindex',
    String(COUNT + 1),
  );
  await shot(page, 'project-list-10000-end', { screen: true });
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(sideways).toBe(0);

  // and the keyboard: Home from a row goes to the first project, End to the last, arrows step
  await page.evaluate(() => window.scrollTo(0, 0));
  await projects.row(name(COUNT)).focus();
  await page.keyboard.press('End');
  await expect(projects.row(name(1))).toBeFocused();
  await expect(projects.row(name(1))).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(projects.row(name(2))).toBeFocused();
  await page.keyboard.press('Home');
  await expect(projects.row(name(COUNT))).toBeFocused();
  await expect(projects.row(name(COUNT))).toBeInViewport();
  await page.keyboard.press('PageDown');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'));
  expect(Number(focused)).toBeGreaterThan(10);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^Project \d{5}$/ })).toBeVisible();

  // the count stays true under a search
  await projects.backToList();
  await projects.search('Project 00042');
  await expect(page.getByText('1 shown')).toBeVisible();
  await expect(projects.rows()).toHaveCount(1);
  await expect(projects.row(name(42))).toBeVisible();
});
