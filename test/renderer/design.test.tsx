// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DesignTab } from '../../src-renderer/features/design/DesignTab';
import type { Project } from '../../src-shared/projects';
import { renderWithMain } from '../helpers/render-app';

let closeMain: (() => void) | undefined;
afterEach(() => {
  cleanup();
  closeMain?.();
});

describe('Design tab through the in-memory host', () => {
  it('shows live results from the real engine and updates them when a field changes', async () => {
    const { main, client } = renderWithMain(<div />);
    closeMain = main.close;
    const project = await client.call('projects:create', { name: 'Component design' });
    cleanup();
    const view = renderWithMain(<DesignTab project={project as Project} />);
    closeMain = () => {
      view.main.close();
      main.close();
    };
    const results = await screen.findByRole('complementary', { name: 'Results' });
    await waitFor(() =>
      expect(within(results).getByTestId('selected-pole').textContent).toMatch(/\S/),
    );
    const depthBefore = within(results).getByRole('table', { name: 'Diameter to depth' });
    expect(depthBefore).toBeTruthy();
    // a bad value is explained next to its field in words
    fireEvent.change(screen.getByLabelText('Basic wind speed V (mph)'), {
      target: { value: '900' },
    });
    expect(await screen.findByText('Basic wind speed must be between 60 and 250 mph')).toBeTruthy();
    // a valid change recomputes: qh follows V² (ASCE 7-22 Eq. 26.10-1)
    const qh = () =>
      within(results).getByText('qh').parentElement!.querySelector('.v')!.textContent!;
    fireEvent.change(screen.getByLabelText('Basic wind speed V (mph)'), {
      target: { value: '100' },
    });
    await waitFor(() => expect(screen.queryByText(/must be between 60 and 250 mph/)).toBeNull());
    // default sign top: 12 ft clearance + 3 ft cabinet = 15 ft; Kz from Table 26.10-1 (7-22, C)
    const kz = 2.41 * (15 / 2460) ** (2 / 9.8);
    const expected = (v: number) => (0.00256 * kz * v * v).toFixed(1);
    await waitFor(() => expect(qh()).toContain(expected(100)));
    fireEvent.change(screen.getByLabelText('Basic wind speed V (mph)'), {
      target: { value: '200' },
    });
    await waitFor(() => expect(qh()).toContain(expected(200)));
  });
});
