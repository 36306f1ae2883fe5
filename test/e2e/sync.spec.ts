import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { AppProcess, expect, setUpProfile, test } from './fixtures';
import { ProjectsPage } from './pages/projects';
import { ServerProcess } from './server-process';

async function signIn(page: Page, server: ServerProcess, email: string) {
  await page.getByRole('link', { name: /Sync/ }).click();
  const form = page.getByRole('form', { name: 'Sign in to sync' });
  await form.getByLabel('Server URL').fill(server.url);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill('password-123');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-phase')).toHaveText('Synced', { timeout: 20_000 });
}

test('offline work is kept pending and syncs when the server is back; a conflict is resolved in the inbox', async ({
  page,
  app,
  shot,
  browser,
}) => {
  test.setTimeout(120_000);
  const server = new ServerProcess();
  server.admin('create-org', 'E2E Signs');
  server.admin(
    'create-user',
    '--org',
    'E2E Signs',
    '--email',
    'ann@e2e.test',
    '--password',
    'password-123',
    '--role',
    'estimator',
    '--name',
    'Ann Estimator',
  );
  server.admin(
    'create-user',
    '--org',
    'E2E Signs',
    '--email',
    'ben@e2e.test',
    '--password',
    'password-123',
    '--role',
    'estimator',
    '--name',
    'Ben Field',
  );
  await server.start();
  const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-e2e-b-'));
  const appB = new AppProcess(dirB);
  try {
    await page.goto(app.url);
    await setUpProfile(page);
    await signIn(page, server, 'ann@e2e.test');
    // signing in keeps the estimator's own profile (it used to be rewritten)
    await expect(page.getByText('Pat Estimator (PE)')).toBeVisible();

    // offline: the server is down, work goes on
    await server.stop();
    const projects = new ProjectsPage(page);
    await page.getByRole('link', { name: 'Projects' }).click();
    await projects.create({ name: 'Offline pylon', company: 'Roadside Diner' });
    await projects.backToList();
    await expect(projects.row('Offline pylon')).toContainText('Pending');
    await expect(page.getByTestId('sync-indicator')).toContainText('Offline', { timeout: 20_000 });
    await shot(page, '1-offline-pending');

    // the server comes back: Sync now sends it
    await server.start();
    await page.getByRole('link', { name: /Sync/ }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('sync-phase')).toHaveText('Synced');
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await page.getByRole('link', { name: 'Projects' }).click();
    await expect(projects.row('Offline pylon')).toContainText('Synced');

    // a second laptop gets it, and both edit the same project
    await appB.start();
    const pageB = await browser.newPage();
    await pageB.goto(appB.url);
    await setUpProfile(pageB, 'Ben');
    await signIn(pageB, server, 'ben@e2e.test');
    const projectsB = new ProjectsPage(pageB);
    await pageB.getByRole('link', { name: 'Projects' }).click();
    await expect(projectsB.row('Offline pylon')).toBeVisible();

    await projects.row('Offline pylon').click();
    await page.getByLabel('Notes').fill('Ann: dig permit booked');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await projectsB.row('Offline pylon').click();
    await pageB.getByLabel('Project name').fill('Roadside Diner pylon');
    await pageB.getByLabel('Notes').fill('Ben: permit not booked yet');
    await pageB.getByRole('button', { name: 'Save changes' }).click();

    for (const p of [page, pageB]) {
      await p.getByRole('link', { name: /Sync/ }).click();
      await p.getByRole('button', { name: 'Sync now' }).click();
      await expect(p.getByRole('button', { name: 'Sync now' })).toBeEnabled();
    }
    const conflict = pageB
      .getByRole('region', { name: /Conflict/ })
      .or(pageB.getByLabel(/Conflict: /));
    await expect(pageB.getByLabel(/Conflict: /)).toBeVisible();
    await expect(pageB.getByTestId('sync-indicator')).toContainText('1 conflict');
    await shot(pageB, '2-conflict-inbox');
    const diff = pageB.getByRole('table', { name: 'Differences' });
    // only the field both changed is asked, under the form's label; the rename merged by itself
    await expect(diff.getByRole('row')).toHaveCount(2);
    await expect(pageB.getByTestId('merged-fields')).toContainText('Project name (yours)');
    await diff.getByRole('row', { name: /Notes/ }).getByRole('radio').nth(1).check();
    await conflict.getByRole('button', { name: 'Merge selected fields' }).click();
    await expect(pageB.getByText('No conflicts.')).toBeVisible();
    await pageB.getByRole('button', { name: 'Sync now' }).click();
    await expect(pageB.getByTestId('sync-pending')).toHaveText('0');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('sync-pending')).toHaveText('0');

    // both laptops hold both changes
    for (const p of [page, pageB]) {
      await p.getByRole('link', { name: 'Projects' }).click();
      await p.getByRole('table', { name: 'Projects' }).getByText('Roadside Diner pylon').click();
      await expect(p.getByLabel('Notes')).toHaveValue('Ann: dig permit booked');
    }
    await shot(page, '3-merged');
    await pageB.close();
  } finally {
    await appB.stop();
    fs.rmSync(dirB, { recursive: true, force: true });
    await server.dispose();
  }
});
