import { expect, type Page } from '@playwright/test';

/** Page object: the Quote tab of a project. */
export class QuotePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Quote' }).click();
    await expect(this.page.getByLabel('Design revision')).toBeVisible();
  }

  lines() {
    return this.page.getByRole('table', { name: 'Quote lines' });
  }
  line(text: string | RegExp) {
    return this.lines().getByRole('row').filter({ hasText: text });
  }
  total() {
    return this.page.getByTestId('quote-total');
  }
  revisions() {
    return this.page.getByRole('table', { name: 'Quote revisions' });
  }

  async generate() {
    const btn = this.page.getByRole('button', { name: /^(Generate|Regenerate) quote$/ });
    await btn.click();
    await expect(this.lines()).toBeVisible();
  }

  async override(
    description: string,
    fields: { quantity?: string; unitPrice?: string; reason?: string },
  ) {
    await this.page.getByRole('button', { name: `Override ${description}` }).click();
    const form = this.page.getByRole('form', { name: `Override ${description}` });
    if (fields.quantity) await form.getByLabel(/^Quantity/).fill(fields.quantity);
    if (fields.unitPrice) await form.getByLabel('Unit price (USD)').fill(fields.unitPrice);
    if (fields.reason) await form.getByLabel('Reason').fill(fields.reason);
    await form.getByRole('button', { name: 'Apply override' }).click();
    await expect(form).toBeHidden();
  }

  async addManualLine(l: {
    group: string;
    description: string;
    quantity: string;
    unit: string;
    unitPrice: string;
  }) {
    const form = this.page.getByRole('form', { name: 'Add a manual line' });
    await form.getByLabel('Group').selectOption({ label: l.group });
    await form.getByLabel('Description').fill(l.description);
    await form.getByLabel('Quantity').fill(l.quantity);
    await form.getByLabel('Unit', { exact: true }).fill(l.unit);
    await form.getByLabel('Unit price (USD)').fill(l.unitPrice);
    await form.getByRole('button', { name: 'Add line' }).click();
    await expect(this.line(l.description)).toBeVisible();
  }

  async saveRevision(note: string) {
    await this.page.getByLabel('Quote note').fill(note);
    const before = await this.revisions()
      .getByRole('row')
      .count()
      .catch(() => 0);
    await this.page.getByRole('button', { name: 'Save quote revision' }).click();
    await expect(this.revisions().getByRole('row')).toHaveCount(Math.max(before, 1) + 1);
  }
}
