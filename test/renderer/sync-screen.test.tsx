// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { park } from '../../src-main/services/sync/park';
import { useRouter } from '../../src-renderer/app/router';
import { Toasts } from '../../src-renderer/app/toasts';
import { SyncScreen } from '../../src-renderer/features/sync/SyncScreen';
import { renderWithMain } from '../helpers/render-app';

let closeMain: (() => void) | undefined;
afterEach(() => {
  cleanup();
  closeMain?.();
  useRouter.setState({ route: { name: 'projects' } });
});

/** Signed in to a server on a closed loopback port: every request fails as "offline". */
function signedInOffline(dir: string) {
  fs.writeFileSync(
    path.join(dir, 'credentials.json'),
    JSON.stringify({
      serverUrl: 'http://127.0.0.1:9',
      token: 't',
      expiresAt: '2099-01-01',
      user: { id: 'u', orgId: 'o', email: 'ann@acme.test', name: 'Ann', role: 'estimator' },
    }),
  );
}

describe('the Sync screen', () => {
  it('"Sync now" while offline says the server could not be reached and when it retries', async () => {
    const { main } = renderWithMain(
      <>
        <SyncScreen />
        <Toasts />
      </>,
      {
        before: (m) => {
          signedInOffline(m.dir);
          m.sync.start(); // the background loop, as the desktop and browser hosts run it
        },
      },
    );
    closeMain = main.close;
    fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }));
    const alert = await screen.findByText(/Could not reach the sync server/);
    expect(alert.textContent).toContain('Your changes are kept on this computer.');
    expect(alert.textContent).toMatch(/It tries again at /);
    expect(screen.queryByText('Sync finished.')).toBeNull();
  });

  it('lists a refused change with its reason and field; "Discard my change" asks first', async () => {
    const at = '2026-03-01T10:00:00.000Z';
    const { main } = renderWithMain(<SyncScreen />, {
      before: (m) => {
        signedInOffline(m.dir);
        m.services.sqlite
          .prepare(
            `INSERT INTO projects (id, name, created_at, updated_at) VALUES ('p-1', 'Harbor pylon', ?, ?)`,
          )
          .run(at, at);
        m.services.sqlite
          .prepare(
            `INSERT INTO outbox (mutation_id, entity, entity_id, op, data, created_at) VALUES ('m-1', 'project', 'p-1', 'upsert', '{"name":"Harbor pylon"}', ?)`,
          )
          .run(at);
        park(
          m.services.sqlite,
          [1],
          { code: 'BAD_TEXT', message: 'Project name contains a NUL character.', field: 'name' },
          at,
        );
      },
    });
    closeMain = main.close;
    const p = { id: 'p-1' };
    const table = await screen.findByRole('table', { name: 'Changes the server refused' });
    const row = within(table).getByRole('row', { name: /Harbor pylon/ });
    expect(row.textContent).toContain('Project name contains a NUL character.');
    expect(row.textContent).toContain('Project name');
    fireEvent.click(within(row).getByRole('button', { name: 'Open to fix' }));
    expect(useRouter.getState().route).toEqual({ name: 'project', id: p.id, tab: 'overview' });
    fireEvent.click(within(row).getByRole('button', { name: 'Discard my change' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard this change?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(main.services.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({
      n: 1,
    });
    fireEvent.click(within(row).getByRole('button', { name: 'Discard my change' }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', {
        name: 'Discard my change',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('table', { name: 'Changes the server refused' })).toBeNull(),
    );
    expect(main.services.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({
      n: 0,
    });
  });

  it('warns about an http:// server on another computer and refuses it until allowed', async () => {
    const { main } = renderWithMain(<SyncScreen />);
    closeMain = main.close;
    const form = await screen.findByRole('form', { name: 'Sign in to sync' });
    fireEvent.change(within(form).getByLabelText('Server URL'), {
      target: { value: 'http://127.0.0.1:8787' },
    });
    expect(screen.queryByTestId('insecure-warning')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Server URL'), {
      target: { value: 'http://sync.acme.test' },
    });
    expect((await screen.findByTestId('insecure-warning')).textContent).toContain('unencrypted');
    // the main process refuses it too (nothing is sent anywhere)
    await expect(
      main.call('sync:sign-in', {
        serverUrl: 'http://sync.acme.test',
        email: 'a@b.co',
        password: 'x',
      }),
    ).rejects.toMatchObject({ fields: { serverUrl: expect.stringContaining('unencrypted') } });
  });
});
