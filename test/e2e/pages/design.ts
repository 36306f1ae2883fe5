import { expect, type Page } from '@playwright/test';

/** Page object: the Design tab (form on the left, results on the right). */
export class DesignPage {
  constructor(readonly page: Page) {}

  form() {
    return this.page.getByRole('form', { name: 'Sign design' });
  }
  results() {
    return this.page.getByRole('complementary', { name: 'Results' });
  }

  async open() {
    await this.page.getByRole('tab', { name: 'Design' }).click();
    await expect(this.form()).toBeVisible();
  }

  async setNumber(label: string, value: number | string, within = this.form()) {
    const input = within.getByLabel(label, { exact: true });
    await input.fill(String(value));
  }

  revisions() {
    return this.page.getByRole('table', { name: 'Design revisions' });
  }

  selectedPole() {
    return this.results().getByTestId('selected-pole');
  }

  metric(name: string) {
    return this.results().locator('.metric', { hasText: name }).locator('.v');
  }

  async waitUpToDate() {
    await expect(this.page.getByText('Results are up to date.')).toBeVisible();
  }
}
