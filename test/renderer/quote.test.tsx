// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { useRouter } from '../../src-renderer/app/router';
import type { SignDesignInputRaw } from '../../src-shared/engine';
import w16 from '../fixtures/w16-sign.json';
import { renderWithMain } from '../helpers/render-app';

let closeMain: (() => void) | undefined;
afterEach(() => {
  cleanup();
  closeMain?.();
  useRouter.setState({ route: { name: 'projects' } });
});

const money = (c: number) =>
  (c / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });

describe('Quote tab', () => {
  it('generates from a saved design, overrides a line, adds a manual line, saves a revision', async () => {
    const { main, client } = renderWithMain(<App />);
    closeMain = main.close;
    const p = await client.call('projects:create', { name: 'Harbor Bank pylon' });
    await client.call('designs:save-revision', {
      projectId: p.id,
      input: w16 as SignDesignInputRaw,
    });
    useRouter.getState().go({ name: 'project', id: p.id, tab: 'quote' });

    // enabled once the design revision's status is known (a failing one needs acknowledging)
    // (the first load goes through the real main process: allow for a busy machine)
    const generate = await screen.findByRole(
      'button',
      { name: 'Generate quote' },
      { timeout: 10_000 },
    );
    await waitFor(() => expect((generate as HTMLButtonElement).disabled).toBe(false), {
      timeout: 10_000,
    });
    fireEvent.click(generate);
    const lines = await screen.findByRole('table', { name: 'Quote lines' }, { timeout: 10_000 });
    expect(
      within(lines).getByText(/Structural steel pipe \(A53 Gr. B\): Pipe 6 Std./),
    ).toBeTruthy();
    expect(within(lines).getByText('Materials')).toBeTruthy();
    const draft = (await client.call('quotes:get-draft', { projectId: p.id }))!;
    expect(screen.getByTestId('quote-total').textContent).toBe(
      money(draft.priced.totals.totalCents),
    );

    // override the concrete unit price: marked, and the total follows
    fireEvent.click(
      within(lines).getByRole('button', { name: 'Override Ready-mix concrete, placed' }),
    );
    const ov = screen.getByRole('form', { name: 'Override Ready-mix concrete, placed' });
    fireEvent.click(within(ov).getByRole('button', { name: 'Apply override' }));
    expect(
      await within(ov).findByText('Enter a quantity or a unit price to override'),
    ).toBeTruthy();
    fireEvent.change(within(ov).getByLabelText('Unit price (USD)'), { target: { value: '160' } });
    fireEvent.click(within(ov).getByRole('button', { name: 'Apply override' }));
    await waitFor(() => expect(within(lines).getByText('overridden')).toBeTruthy());
    const after = (await client.call('quotes:get-draft', { projectId: p.id }))!;
    const concrete = after.priced.lines.find((l) => l.code === 'concrete')!;
    expect(concrete.unitPriceCents).toBe(16000);
    await waitFor(() =>
      expect(screen.getByTestId('quote-total').textContent).toBe(
        money(after.priced.totals.totalCents),
      ),
    );

    // a manual line: the empty description is explained next to its field
    const ml = screen.getByRole('form', { name: 'Add a manual line' });
    fireEvent.click(within(ml).getByRole('button', { name: 'Add line' }));
    expect(await within(ml).findByText('Description is required')).toBeTruthy();
    fireEvent.change(within(ml).getByLabelText('Description'), {
      target: { value: 'Night work surcharge' },
    });
    fireEvent.change(within(ml).getByLabelText('Unit price (USD)'), { target: { value: '400' } });
    fireEvent.click(within(ml).getByRole('button', { name: 'Add line' }));
    expect(await within(lines).findByText('Night work surcharge')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save quote revision' }));
    const revs = await screen.findByRole('table', { name: 'Quote revisions' });
    expect(await within(revs).findByLabelText('Quote 1 status: Draft')).toBeTruthy();
    const saved = await client.call('quotes:list-revisions', { projectId: p.id });
    expect(within(revs).getByText(money(saved[0].totalCents))).toBeTruthy();
  });

  it('asks for a saved design revision first', async () => {
    const { main, client } = renderWithMain(<App />);
    closeMain = main.close;
    const p = await client.call('projects:create', { name: 'Empty' });
    useRouter.getState().go({ name: 'project', id: p.id, tab: 'quote' });
    expect(await screen.findByText(/Save a design revision in the Design tab first/)).toBeTruthy();
  });
});

describe('Price book screen', () => {
  it('shows the starter book, saves an edit as a new version and lists the history', async () => {
    const { main, client } = renderWithMain(<App />);
    closeMain = main.close;
    fireEvent.click(await screen.findByRole('link', { name: 'Price book' }));
    const price = await screen.findByLabelText('Price, row 7');
    expect((price as HTMLInputElement).value).toBe('145.00');
    fireEvent.change(price, { target: { value: '-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
    expect(await screen.findByText(/Row 7, price: Price must be a number, 0 or more/)).toBeTruthy();
    fireEvent.change(price, { target: { value: '152.50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
    const history = screen.getByRole('table', { name: 'Price book versions' });
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(3));
    const cur = await client.call('pricebook:get-current', {});
    expect(cur.number).toBe(2);
    expect(cur.items.find((i) => i.code === 'concrete')!.price).toBe(15250);
  });
});
