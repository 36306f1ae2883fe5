// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { useRouter } from '../../src-renderer/app/router';
import type { SignDesignInputRaw } from '../../src-shared/engine';
import { MONUMENT, PYLON, TWO_POLE } from '../fixtures/job-signs';
import { renderWithMain } from '../helpers/render-app';

let closeMain: (() => void) | undefined;
afterEach(() => {
  cleanup();
  closeMain?.();
  useRouter.setState({ route: { name: 'projects' } });
});

const money = (c: number) =>
  (c / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });

describe('Quote tab for a job of several signs', () => {
  it('lists the signs with a revision picker each, groups the lines by sign and quotes the job', async () => {
    const { main, client } = renderWithMain(<App />);
    closeMain = main.close;
    const p = await client.call('projects:create', { name: 'Gas station signs' });
    const [s1] = await client.call('signs:list', { projectId: p.id });
    await client.call('signs:update', { signId: s1.id, patch: { name: 'pylon' } });
    const s2 = await client.call('signs:add', { projectId: p.id, name: 'monument', quantity: 2 });
    const s3 = await client.call('signs:add', { projectId: p.id, name: 'two-pole' });
    await client.call('designs:save-revision-sign', {
      signId: s1.id,
      input: PYLON as SignDesignInputRaw,
    });
    const m1 = await client.call('designs:save-revision-sign', {
      signId: s2.id,
      input: MONUMENT as SignDesignInputRaw,
      note: 'first',
    });
    await client.call('designs:save-revision-sign', {
      signId: s2.id,
      input: { ...MONUMENT, site: { ...MONUMENT.site, windSpeedMph: 130 } } as SignDesignInputRaw,
      note: 'windier',
    });
    useRouter.getState().go({ name: 'project', id: p.id, tab: 'quote' });

    // S3 is not designed: said, and the quote cannot be generated yet
    const signsTable = await screen.findByRole(
      'table',
      { name: 'Signs in this quote' },
      { timeout: 10_000 },
    );
    expect(
      await within(signsTable).findByText(/Not designed: save a design revision of S3/),
    ).toBeTruthy();
    const generate = screen.getByRole('button', { name: 'Generate quote' });
    expect((generate as HTMLButtonElement).disabled).toBe(true);

    await client.call('designs:save-revision-sign', {
      signId: s3.id,
      input: TWO_POLE as SignDesignInputRaw,
    });
    // the monument's picker defaults to its latest revision; pick the first one
    const picker = (await screen.findByLabelText('Design revision for S2', undefined, {
      timeout: 10_000,
    })) as HTMLSelectElement;
    await waitFor(() => expect(picker.selectedOptions[0].textContent).toMatch(/^Revision 2/));
    fireEvent.change(picker, { target: { value: m1.id } });
    await waitFor(() => expect((generate as HTMLButtonElement).disabled).toBe(false), {
      timeout: 10_000,
    });
    fireEvent.click(generate);

    const lines = await screen.findByRole('table', { name: 'Quote lines' }, { timeout: 10_000 });
    const draft = (await client.call('quotes:get-draft', { projectId: p.id }))!;
    expect(draft.signs.map((x) => x.designRevisionNumber)).toEqual([1, 1, 1]);
    for (const x of draft.job.signs) {
      expect(within(lines).getByRole('rowheader', { name: x.label })).toBeTruthy();
      const sub = within(lines).getByText(`${x.mark} subtotal`).closest('tr')!;
      expect(sub.textContent).toContain(money(x.subtotalCents));
    }
    expect(within(lines).getByRole('rowheader', { name: 'S2 monument × 2' })).toBeTruthy();
    expect(within(lines).getByText('Job lines subtotal')).toBeTruthy();
    expect(screen.getByTestId('quote-total').textContent).toBe(money(draft.job.totals.totalCents));

    // the monument is not lit: its own lighting, the other signs stay as the job
    const lit = screen.getByLabelText('Lighting of S2') as HTMLSelectElement;
    expect(lit.value).toBe('job');
    fireEvent.change(lit, { target: { value: 'unlit' } });
    await waitFor(async () => {
      const d = (await client.call('quotes:get-draft', { projectId: p.id }))!;
      expect(d.signs.map((x) => x.settings)).toEqual([{}, { illuminated: false }, {}]);
      expect(d.job.signs[1].lines.some((l) => l.code === 'led_lighting')).toBe(false);
    });
    await waitFor(() =>
      expect((screen.getByLabelText('Lighting of S2') as HTMLSelectElement).value).toBe('unlit'),
    );

    // an override on the monument's concrete only
    fireEvent.click(
      within(lines).getByRole('button', { name: 'Override Ready-mix concrete, placed (S2)' }),
    );
    const ov = screen.getByRole('form', { name: 'Override Ready-mix concrete, placed (S2)' });
    fireEvent.change(within(ov).getByLabelText('Unit price (USD)'), { target: { value: '160' } });
    fireEvent.click(within(ov).getByRole('button', { name: 'Apply override' }));
    await waitFor(async () => {
      const d = (await client.call('quotes:get-draft', { projectId: p.id }))!;
      expect(d.signs[1].overrides).toEqual({ concrete: { unitPriceCents: 16000, note: '' } });
      expect(d.signs[0].overrides).toEqual({});
    });
    expect(screen.getByRole('button', { name: 'Job packet PDF' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save quote revision' }));
    const revs = await screen.findByRole('table', { name: 'Quote revisions' });
    expect(await within(revs).findByLabelText('Quote 1 status: Draft')).toBeTruthy();
    expect(within(revs).getByRole('button', { name: 'Job packet PDF of revision 1' })).toBeTruthy();
    // the revision names each sign's design revision it priced
    expect(within(revs).getByText('S1 rev 1, S2 rev 1, S3 rev 1')).toBeTruthy();

    // S1 redesigned, regenerated and saved again: compare says S1 changed, the others did not
    const s1v2 = await client.call('designs:save-revision-sign', {
      signId: s1.id,
      input: { ...PYLON, site: { ...PYLON.site, windSpeedMph: 140 } } as SignDesignInputRaw,
    });
    await client.call('quotes:generate', {
      projectId: p.id,
      signs: [{ signId: s1.id, designRevisionId: s1v2.id }],
    });
    await client.call('quotes:save-revision', { projectId: p.id });
    expect(await within(revs).findByText('S1 rev 2, S2 rev 1, S3 rev 1')).toBeTruthy();
    fireEvent.click(within(revs).getByLabelText('Compare revision 1'));
    fireEvent.click(within(revs).getByLabelText('Compare revision 2'));
    fireEvent.click(screen.getByRole('button', { name: 'Compare selected' }));
    const changes = await screen.findByRole('table', { name: 'Sign changes' });
    const rowOf = (label: string) =>
      within(changes).getByText(label, { exact: true }).closest('tr')!;
    expect(rowOf('S1 pylon').textContent).toMatch(/changed.*rev 1.*rev 2/);
    expect(rowOf('S2 monument × 2').textContent).toContain('same');
    expect(rowOf('S3 two-pole').textContent).toContain('same');
  });
});
