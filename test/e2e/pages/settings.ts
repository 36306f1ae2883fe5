import { expect, type Page } from '@playwright/test';

/** Settings > Company on quotes: the details a sent quote needs. */
export async function fillCompany(
  page: Page,
  c = {
    name: 'Brightline Signs LLC',
    license: 'OK-SC-40412',
    address: '12 Foundry Lane, Tulsa OK',
    phone: '918-555-0100',
    email: 'quotes@brightline.test',
  },
): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Company' });
  await form.getByLabel('Company name').fill(c.name);
  await form.getByLabel('License no.').fill(c.license);
  await form.getByLabel('Company address').fill(c.address);
  await form.getByLabel('Company phone').fill(c.phone);
  await form.getByLabel('Company email').fill(c.email);
  await form.getByRole('button', { name: 'Save company details' }).click();
  await expect(page.getByText('Company details saved')).toBeVisible();
}
