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

describe('App through the in-memory host', () => {
  it('asks for a profile on first start, then shows the empty project list', async () => {
    const { main } = renderWithMain(<App />, { profile: false });
    closeMain = main.close;
    fireEvent.change(await screen.findByLabelText('Your name'), { target: { value: 'Sam Sign' } });
    fireEvent.change(screen.getByLabelText('Initials'), { target: { value: 'SS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/No projects yet/)).toBeTruthy();
    expect(screen.getByText('Sam Sign (SS)')).toBeTruthy();
  });

  it('creates a project from the dialog, opens it, and lists it with its customer', async () => {
    const { main } = renderWithMain(<App />);
    closeMain = main.close;
    fireEvent.click(await screen.findByRole('button', { name: 'New project' }));
    const dialog = screen.getByRole('dialog', { name: 'New project' });
    fireEvent.change(within(dialog).getByLabelText('Project name'), {
      target: { value: 'Harbor Bank pylon' },
    });
    fireEvent.change(within(dialog).getByLabelText('Customer company'), {
      target: { value: 'Harbor Bank' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create project' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Harbor Bank pylon' }),
    ).toBeTruthy();
    const rows = main.services.sqlite
      .prepare('SELECT name, customer_company AS c FROM projects')
      .all();
    expect(rows).toEqual([{ name: 'Harbor Bank pylon', c: 'Harbor Bank' }]);
    fireEvent.click(screen.getByRole('link', { name: 'Projects' }));
    const table = await screen.findByRole('table', { name: 'Projects' });
    await waitFor(() => expect(within(table).getByText('Harbor Bank')).toBeTruthy());
  });

  it('shows the main process message for an illegal change and keeps the data', async () => {
    const { main, client } = renderWithMain(<App />);
    closeMain = main.close;
    const p = await client.call('projects:create', { name: 'Final bid' });
    for (const to of ['estimating', 'submitted', 'accepted'] as const)
      await client.call('projects:transition', { id: p.id, to });
    useRouter.getState().go({ name: 'project', id: p.id, tab: 'overview' });
    expect(await screen.findByLabelText('Status: Accepted')).toBeTruthy();
    // no transition buttons are offered for a final state
    expect(screen.queryByRole('button', { name: /Back to draft|Start estimating/ })).toBeNull();
    await expect(client.call('projects:transition', { id: p.id, to: 'draft' })).rejects.toThrow(
      /It is final/,
    );
  });
});
