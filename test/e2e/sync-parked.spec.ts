import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, setUpProfile, test } from './fixtures';
import { ProjectsPage } from './pages/projects';
import { ServerProcess } from './server-process';

async function signIn(page: Page, server: ServerProcess) {
  await page.getByRole('link', { name: /Sync/ }).click();
  const form = page.getByRole('form', { name: 'Sign in to sync' });
  await form.getByLabel('Server URL').fill('http://sync.example.test');
  await expect(page.getByTestId('insecure-warning')).toContainText('unencrypted');
  await form.getByLabel('Server URL').fill(server.url);
  await expect(page.getByTestId('insecure-warning')).toBeHidden();
  await form.getByLabel('Email').fill('ann@e2e.test');
  await form.getByLabel('Password').fill('password-123');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-phase')).toHaveText('Synced', { timeout: 20_000 });
}

test('a record the server cannot store is parked with its reason; the rest syncs; a fix clears it', async ({
  page,
  app,
  shot,
}) => {
  test.setTimeout(120_000);
  const server = new ServerProcess();
  server.admin('create-org', 'Parked Signs');
  server.admin(
    'create-user',
    '--org',
    'Parked Signs',
    '--email',
    'ann@e2e.test',
    '--password',
    'password-123',
    '--role',
    'estimator',
    '--name',
    'Ann Estimator',
  );
  await server.start();
  try {
    await page.goto(app.url);
    await setUpProfile(page);
    await signIn(page, server);
    // offline for a moment: two projects wait in the queue
    await server.stop();
    const projects = new ProjectsPage(page);
    await page.getByRole('link', { name: 'Projects' }).click();
    await projects.create({ name: 'Poisoned pylon' });
    await projects.backToList();
    await projects.create({ name: 'Healthy monument' });
    // as an older build would have queued it: a NUL inside the name
    const db = new Database(path.join(app.dataDir, 'signwright.sqlite'));
    db.prepare(
      `UPDATE outbox SET data = json_set(data, '$.name', 'Poisoned' || char(0) || 'pylon') WHERE json_extract(data, '$.name') = 'Poisoned pylon'`,
    ).run();
    db.close();
    await server.start();
    await page.getByRole('link', { name: /Sync/ }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const parked = page.getByRole('table', { name: 'Changes the server refused' });
    await expect(parked).toBeVisible({ timeout: 20_000 });
    await expect(parked.getByRole('row', { name: /Poisoned pylon/ })).toContainText('server');
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(page.getByTestId('sync-indicator')).toContainText('1 not accepted');
    await shot(page, 'parked');
    // "Open to fix" goes to the project; a rename sends a clean version and clears the entry
    await parked.getByRole('button', { name: 'Open to fix' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Poisoned pylon' })).toBeVisible();
    await page.getByLabel('Project name').fill('Repaired pylon');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('link', { name: /Sync/ }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(parked).toBeHidden({ timeout: 20_000 });
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await page.getByRole('link', { name: 'Projects' }).click();
    await expect(projects.row('Healthy monument')).toContainText('Synced');
    await expect(projects.row('Repaired pylon')).toContainText('Synced');
  } finally {
    await server.dispose();
  }
});
