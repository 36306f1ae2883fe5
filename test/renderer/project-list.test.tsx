// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { useRouter } from '../../src-renderer/app/router';
import { createProject } from '../../src-main/services/projects';
import { renderWithMain } from '../helpers/render-app';

let closeMain: (() => void) | undefined;
afterEach(() => {
  cleanup();
  closeMain?.();
  useRouter.setState({ route: { name: 'projects' } });
});

const COUNT = 450; // more than two pages of 200

describe('the project list with more projects than a page', () => {
  it('counts them all, draws only a screenful, and follows a change', async () => {
    const { main, client } = renderWithMain(<App />, {
      before: (m) =>
        m.services.sqlite.transaction(() => {
          for (let i = 1; i <= COUNT; i++)
            createProject(m.services, {
              name: `Project ${String(i).padStart(3, '0')}`,
              customer: { company: `Customer ${i}`, contact: '', email: '', phone: '' },
              siteAddress: `${i} Main St`,
              jurisdiction: '',
              notes: '',
            });
        })(),
    });
    closeMain = main.close;
    expect(await screen.findByText('450 shown')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Projects' });
    expect(table.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    const rows = () =>
      within(table)
        .getAllByRole('row')
        .filter((r) => r.dataset.projectRow === '');
    await waitFor(() => expect(rows()[0].textContent).toContain('Project 450'));
    // a laptop screenful plus overscan, not all 450 (jsdom has no layout: the 768 px default)
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0].getAttribute('aria-rowindex')).toBe('2');

    await client.call('projects:create', { name: 'Brand new pylon' });
    expect(await screen.findByText('451 shown')).toBeTruthy();
    await waitFor(() => expect(rows()[0].textContent).toContain('Brand new pylon'));
  });
});
