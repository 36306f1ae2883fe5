import { expect, type Page } from '@playwright/test';

/** Page object: the project list and the project page. */
export class ProjectsPage {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByRole('table', { name: 'Projects' }).locator('tbody tr');
  }

  row(name: string) {
    return this.rows().filter({ hasText: name });
  }

  async create(fields: {
    name: string;
    company?: string;
    email?: string;
    address?: string;
    notes?: string;
  }) {
    await this.page.getByRole('button', { name: 'New project' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Project name').fill(fields.name);
    if (fields.company) await dialog.getByLabel('Customer company').fill(fields.company);
    if (fields.email) await dialog.getByLabel('Customer email').fill(fields.email);
    if (fields.address) await dialog.getByLabel('Site address').fill(fields.address);
    if (fields.notes) await dialog.getByLabel('Notes').fill(fields.notes);
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: fields.name })).toBeVisible();
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search projects' }).fill(text);
  }

  async backToList() {
    await this.page.getByRole('link', { name: 'Projects' }).click();
    await expect(this.page.getByRole('heading', { name: 'Projects' })).toBeVisible();
  }
}
