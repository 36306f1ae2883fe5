// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { useRouter } from '../../src-renderer/app/router';
import { renderWithMain } from '../helpers/render-app';

let closeMain: (() => void) | undefined;
afterEach(() => {
  cleanup();
  closeMain?.();
  useRouter.setState({ route: { name: 'projects' } });
});

describe('Settings through the in-memory host', () => {
  it('edits the profile: the rail shows it and later changes are signed with it', async () => {
    const { main, client } = renderWithMain(<App />);
    closeMain = main.close;
    expect(await screen.findByText('Test Estimator (TE)')).toBeTruthy();
    useRouter.getState().go({ name: 'settings' });
    const form = await screen.findByRole('form', { name: 'Profile' });
    fireEvent.change(within(form).getByLabelText('Initials'), { target: { value: 'A B' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save profile' }));
    expect(await within(form).findByText('Initials must not contain spaces')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Your name'), { target: { value: 'Ana Brook' } });
    fireEvent.change(within(form).getByLabelText('Initials'), { target: { value: 'AB' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Ana Brook (AB)')).toBeTruthy();
    const p = await client.call('projects:create', { name: 'Signed by Ana' });
    const [created] = await client.call('projects:activity', { id: p.id });
    expect(created.actor).toBe('Ana Brook');
  });

  it('keeps the company details here, and says what a sent quote still needs', async () => {
    const { main, client } = renderWithMain(<App />);
    closeMain = main.close;
    useRouter.getState().go({ name: 'settings' });
    const form = await screen.findByRole('form', { name: 'Company' });
    expect(
      within(form).getByText(/can be sent only with the company name, address, phone, email/),
    ).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Company name'), {
      target: { value: 'Brightline' },
    });
    fireEvent.change(within(form).getByLabelText('License no.'), { target: { value: 'OK-1' } });
    fireEvent.change(within(form).getByLabelText('Price on the customer quote'), {
      target: { value: 'total' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save company details' }));
    await waitFor(async () =>
      expect(await client.call('quotes:get-company', {})).toMatchObject({
        name: 'Brightline',
        licenseNo: 'OK-1',
        pricePresentation: 'total',
      }),
    );
    expect(
      await within(form).findByText(/can be sent only with the address, phone, email/),
    ).toBeTruthy();
  });
});
