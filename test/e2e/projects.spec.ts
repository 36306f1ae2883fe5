import { expect, setUpProfile, test } from './fixtures';
import { ProjectsPage } from './pages/projects';

test('create, edit, search, change status, delete and restore; all there after a restart', async ({
  page,
  app,
  shot,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  const projects = new ProjectsPage(page);
  await expect(page.getByRole('searchbox', { name: 'Search projects' })).toBeFocused();

  // create (with a validation message first)
  await page.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Customer email').fill('not-an-email');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog.getByText('Project name is required')).toBeVisible();
  await expect(
    dialog.getByText('Customer email must be a valid email address, like name@company.com'),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await projects.create({
    name: 'Oak Mall pylon',
    company: 'Oakridge Retail',
    email: 'pm@oakridge.com',
    address: '500 Oak Blvd',
  });
  await projects.backToList();
  await projects.create({
    name: 'Birch St monument',
    company: 'Birch Dental',
    notes: 'crane from the alley',
  });

  // edit
  await page.getByLabel('Project name').fill('Birch Street monument');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Birch Street monument' }),
  ).toBeVisible();

  // status: forward, undo via the toast, forward again
  await page.getByRole('button', { name: 'Start estimating' }).click();
  await expect(page.getByLabel('Status: Estimating')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Status: Draft')).toBeVisible();
  await page.getByRole('button', { name: 'Start estimating' }).click();
  await page.getByRole('button', { name: 'Mark submitted' }).click();
  await expect(page.getByLabel('Status: Submitted')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start estimating' })).toHaveCount(0);
  await shot(page, 'project-page');

  // activity trail
  await page.getByRole('tab', { name: 'Activity' }).click();
  const activity = page.getByRole('list', { name: 'Activity' });
  await expect(activity.getByText('Undid a status change')).toBeVisible();
  await expect(activity.getByText('name: Birch St monument → Birch Street monument')).toBeVisible();
  await expect(activity.getByText('Pat Estimator').first()).toBeVisible();

  // search
  await projects.backToList();
  await expect(projects.rows()).toHaveCount(2);
  await projects.search('alley');
  await expect(projects.rows()).toHaveCount(1);
  await expect(projects.row('Birch Street monument')).toBeVisible();
  await projects.search('oakr');
  await expect(projects.rows()).toHaveCount(1);
  await projects.search('');
  await page
    .getByRole('group', { name: 'Filter by status' })
    .getByRole('button', { name: 'Submitted' })
    .click();
  await expect(projects.rows()).toHaveCount(1);
  await page
    .getByRole('group', { name: 'Filter by status' })
    .getByRole('button', { name: 'Submitted' })
    .click();
  await shot(page, 'project-list');

  // keyboard: / focuses search, arrows + Enter open a project
  await page.getByRole('heading', { name: 'Projects' }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search projects' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Oak Mall pylon' })).toBeVisible();

  // delete, see it in the trash, restore
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
  await expect(projects.rows()).toHaveCount(1);
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Trash' }).click();
  await expect(projects.row('Oak Mall pylon')).toBeVisible();
  await projects.row('Oak Mall pylon').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Active' }).click();
  await expect(projects.rows()).toHaveCount(2);

  // restart the app process: everything is still there
  await app.stop();
  await app.start();
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
  await expect(projects.rows()).toHaveCount(2);
  await expect(projects.row('Birch Street monument')).toContainText('Submitted');
  await expect(projects.row('Oak Mall pylon')).toContainText('Oakridge Retail');
});

test('bad input is explained next to the field and nothing saved is lost', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  const projects = new ProjectsPage(page);
  await projects.create({ name: 'Keeper 東京 🚧', notes: "Robert'); DROP TABLE projects;--" });
  await page.getByLabel('Project name').fill('x'.repeat(300));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Project name must be at most 200 characters')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Keeper 東京 🚧' })).toBeVisible();
  await expect(page.getByLabel('Notes')).toHaveValue("Robert'); DROP TABLE projects;--");
});
