// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientProvider } from '../../src-renderer/app/client-context';
import { DesignTab } from '../../src-renderer/features/design/DesignTab';
import { defaultDesignInput } from '../../src-shared/engine';
import type { Project } from '../../src-shared/projects';
import { renderWithMain } from '../helpers/render-app';

let closeMain: (() => void) | undefined;
afterEach(() => {
  cleanup();
  closeMain?.();
});

describe('Design tab through the in-memory host', () => {
  it('shows live results from the real engine and updates them when a field changes', async () => {
    const view = renderWithMain(<div />);
    closeMain = view.main.close;
    const project = await view.client.call('projects:create', { name: 'Component design' });
    // the design tab of that project, in the same main process (it reads the project's signs)
    view.rerender(
      <ClientProvider value={view.client}>
        <DesignTab project={project as Project} />
      </ClientProvider>,
    );
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

describe('Design tab: poles, spacing and strict input', () => {
  async function openDesign(draft?: Record<string, unknown>) {
    const view = renderWithMain(<div />);
    closeMain = view.main.close;
    const project = await view.client.call('projects:create', { name: 'Two poles' });
    // the draft in the same main process the design tab then reads it from
    if (draft)
      await view.client.call('designs:save-draft', { projectId: project.id, input: draft });
    view.rerender(
      <ClientProvider value={view.client}>
        <DesignTab project={project as Project} />
      </ClientProvider>,
    );
    return screen.findByRole('complementary', { name: 'Results' });
  }

  it('two poles: the spacing field, each pole share, the footing load, from the engine', async () => {
    const results = await openDesign();
    await waitFor(() =>
      expect(within(results).getByTestId('selected-pole').textContent).toMatch(/\S/),
    );
    expect(screen.queryByLabelText('Pole spacing (ft)')).toBeNull();
    fireEvent.change(screen.getByLabelText('Number of poles'), { target: { value: '2' } });
    const spacing = await screen.findByLabelText('Pole spacing (ft)');
    // default B / n: the 8 ft default cabinet on two poles
    expect(screen.getByText(/Empty: B \/ n = 4.00 ft/)).toBeTruthy();
    const shares = () => within(results).getByRole('table', { name: "Each pole's share" });
    await waitFor(() => expect(within(shares()).getAllByRole('row')).toHaveLength(3));
    expect(
      within(results).getByText(/Rigid sign: the torque is the couple of the pole shears/),
    ).toBeTruthy();
    expect(within(results).getByLabelText('Footing load').textContent).toMatch(
      /^Footing P = [\d,]+ lb/,
    );
    const critical = () =>
      within(shares())
        .getByText(/\(critical\)/)
        .closest('tr')!
        .querySelectorAll('td')[2].textContent!;
    const wide = Number(critical().replace(/,/g, ''));
    // closer poles: V_2 = F/2 + T x / sum x^2 grows (x / sum x^2 = 1 / s for two poles)
    fireEvent.change(spacing, { target: { value: '2' } });
    await waitFor(() => expect(Number(critical().replace(/,/g, ''))).toBeGreaterThan(wide));
    // poles outside the sign: named, with the allowed range
    fireEvent.change(spacing, { target: { value: '9' } });
    expect(
      await screen.findByText(/Pole spacing must be more than 0 ft and at most 8 ft for 2 poles/),
    ).toBeTruthy();
  });

  it('a draft with an unknown key is shown with the message, kept until removed', async () => {
    // a whole autosaved draft, as an older version or a hand edit left it: one misspelled key
    const draft = structuredClone(defaultDesignInput) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    draft.site.windspeedmph = 180;
    const results = await openDesign(draft);
    const notice = await screen.findByRole('alert', { name: 'Unknown fields' });
    expect(notice.textContent).toContain('site.windspeedmph');
    expect(notice.textContent).toContain('did you mean "windSpeedMph"?');
    expect(within(results).queryByTestId('selected-pole')).toBeNull();
    fireEvent.click(within(notice).getByRole('button', { name: 'Remove it' }));
    await waitFor(() => expect(screen.queryByRole('alert', { name: 'Unknown fields' })).toBeNull());
    await waitFor(() =>
      expect(within(results).getByTestId('selected-pole').textContent).toMatch(/\S/),
    );
  });
});

describe('Design tab: the draft autosave', () => {
  it('leaving the page within the autosave pause keeps the last edit (the draft is flushed)', async () => {
    const view = renderWithMain(<div />);
    closeMain = view.main.close;
    const project = await view.client.call('projects:create', { name: 'Leave quickly' });
    view.rerender(
      <ClientProvider value={view.client}>
        <DesignTab project={project as Project} />
      </ClientProvider>,
    );
    await screen.findByRole('complementary', { name: 'Results' });
    fireEvent.change(screen.getByLabelText('Basic wind speed V (mph)'), {
      target: { value: '137' },
    });
    // the estimator leaves at once: well inside the 600 ms pause before the autosave
    view.rerender(
      <ClientProvider value={view.client}>
        <div />
      </ClientProvider>,
    );
    await waitFor(async () => {
      const draft = (await view.client.call('designs:get-draft', { projectId: project.id })) as {
        input: { site: { windSpeedMph: unknown } };
      } | null;
      expect(draft?.input.site.windSpeedMph).toBe(137);
    });
    // and the page opened again shows it
    view.rerender(
      <ClientProvider value={view.client}>
        <DesignTab project={project as Project} />
      </ClientProvider>,
    );
    await waitFor(() =>
      expect((screen.getByLabelText('Basic wind speed V (mph)') as HTMLInputElement).value).toBe(
        '137',
      ),
    );
  });
});
