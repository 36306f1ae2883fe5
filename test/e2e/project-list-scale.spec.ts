import { expect, setUpProfile, test } from './fixtures';
import { ProjectsPage } from './pages/projects';

const COUNT = 10_000;
const name = (i: number) => `Project ${String(i).padStart(5, '0')}`;

test('10,000 projects: the count is true, the last one is reached by scrolling and by End, no sideways scroll', async ({
  page,
  app,
  shot,
}) => {
  test.setTimeout(600_000);
  await page.goto(app.url);
  await setUpProfile(page);
  // created through the app's own command path (the same /rpc/projects:create the UI uses),
  // from a screen without the list, so the list does not refresh once per project
  await page.getByRole('link', { name: 'Settings' }).click();
  const created = await page.evaluate(
    async ({ count }) => {
      const token = document.querySelector<HTMLMetaElement>(
        'meta[name="signwright-bridge-token"]',
      )!.content;
      const create = async (i: number) => {
        const res = await fetch('/rpc/projects:create', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-signwright-token': token },
          body: JSON.stringify({
            name: `Project ${String(i).padStart(5, '0')}`,
            customer: { company: `Customer ${i % 97}` },
            siteAddress: `${i} Main St`,
          }),
        });
        const env = (await res.json()) as { ok: boolean };
        if (!env.ok) throw new Error(JSON.stringify(env));
      };
      // the newest-first order the test reads: 00001 oldest, then 00002, ..., 10000 newest. The
      // two oldest and the newest are created one at a time (a pause between, so no two share a
      // millisecond); the rest eight at a time, in any order among themselves.
      const pause = () => new Promise((r) => setTimeout(r, 5));
      await create(1);
      await pause();
      await create(2);
      await pause();
      let next = 3;
      const worker = async () => {
        while (next < count) await create(next++);
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      await pause();
      await create(count);
      return count;
    },
    { count: COUNT },
  );
  expect(created).toBe(COUNT);

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
