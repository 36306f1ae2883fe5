// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/app/App';
import { useRouter } from '../../src-renderer/app/router';
import { useToasts } from '../../src-renderer/app/toasts';
import { renderWithMain } from '../helpers/render-app';

let closeMain: (() => void) | undefined;
afterEach(() => {
  cleanup();
  closeMain?.();
  useRouter.setState({ route: { name: 'projects' } });
  useToasts.setState({ toasts: [] });
});

/** The project the router shows. */
function shownProjectId(): string {
  const r = useRouter.getState().route;
  if (r.name !== 'project') throw new Error('not on a project');
  return r.id;
}

/** The schedule's rows as "mark | name | qty | status" (the inputs' values, the status text). */
function rows(): string[] {
  const table = screen.getByRole('table', { name: 'Sign schedule' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => {
      const inputs = within(r).getAllByRole('textbox') as HTMLInputElement[];
      const status = r.querySelectorAll('td')[3].textContent!.trim();
      return [...inputs.map((i) => i.value), status].join(' | ');
    });
}

async function openSchedule() {
  const view = renderWithMain(<App />);
  closeMain = view.main.close;
  const project = await view.client.call('projects:create', { name: 'Gas station' });
  useRouter.getState().go({ name: 'project', id: project.id, tab: 'signs' });
  await screen.findByRole('table', { name: 'Sign schedule' });
  await waitFor(() => expect(rows()).toHaveLength(1));
  return { ...view, project };
}

describe('the sign schedule', () => {
  it('adds, names, counts, duplicates, reorders and removes signs (with undo)', async () => {
    const { client, project } = await openSchedule();
    expect(rows()).toEqual(['S1 |  | 1 | Not designed']);
    fireEvent.change(screen.getByLabelText('Name of sign S1'), { target: { value: 'pylon' } });
    fireEvent.blur(screen.getByLabelText('Name of sign S1'));

    fireEvent.click(screen.getByRole('button', { name: 'Add sign' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    // the new sign's name field has the focus: the estimator types its name at once
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Name of sign S2')),
    );
    fireEvent.change(screen.getByLabelText('Name of sign S2'), {
      target: { value: 'monument north' },
    });
    fireEvent.keyDown(screen.getByLabelText('Name of sign S2'), { key: 'Enter' });
    // a bad quantity is refused next to the field, naming it and the range; nothing is saved
    const qty = screen.getByLabelText('Quantity of sign S2');
    fireEvent.change(qty, { target: { value: '0' } });
    fireEvent.blur(qty);
    expect(
      await screen.findByText(/Quantity must be a whole number between 1 and 999/),
    ).toBeTruthy();
    fireEvent.change(qty, { target: { value: '2' } });
    fireEvent.blur(qty);
    await waitFor(() => expect(screen.queryByText(/Quantity must be/)).toBeNull());
    await waitFor(() =>
      expect(rows()).toEqual([
        'S1 | pylon | 1 | Not designed',
        'S2 | monument north | 2 | Not designed',
      ]),
    );
    expect(screen.getByText('2 signs, 3 to build')).toBeTruthy();

    // what the user saw is what is stored
    const stored = await client.call('signs:list', { projectId: project.id });
    expect(stored.map((s) => [s.mark, s.name, s.quantity])).toEqual([
      ['S1', 'pylon', 1],
      ['S2', 'monument north', 2],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Duplicate S2' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[2]).toBe('S3 | monument north | 2 | Not designed');
    fireEvent.click(screen.getByRole('button', { name: 'Move S3 up' }));
    await waitFor(() => expect(rows().map((r) => r.split(' | ')[0])).toEqual(['S1', 'S3', 'S2']));

    fireEvent.click(screen.getByRole('button', { name: 'Remove S3' }));
    await waitFor(() => expect(rows().map((r) => r.split(' | ')[0])).toEqual(['S1', 'S2']));
    expect(screen.getByText('Removed signs (1)')).toBeTruthy();
    // the toast of the removal (the move's own toast has an Undo too)
    const removed = screen
      .getByText('Moved sign S3 to the trash.')
      .closest('.toast') as HTMLElement;
    fireEvent.click(within(removed).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows().map((r) => r.split(' | ')[0])).toEqual(['S1', 'S3', 'S2']));
  });

  it('a change saved elsewhere shows at once, but never overwrites the field being typed in', async () => {
    const { client } = await openSchedule();
    const name = screen.getByLabelText('Name of sign S1') as HTMLInputElement;
    fireEvent.focus(name);
    fireEvent.change(name, { target: { value: 'pyl' } });
    // meanwhile (another window, a sync) the quantity of the same sign changes
    const [s1] = await client.call('signs:list', { projectId: shownProjectId() });
    await client.call('signs:update', { signId: s1.id, patch: { quantity: 3 } });
    await waitFor(() =>
      expect((screen.getByLabelText('Quantity of sign S1') as HTMLInputElement).value).toBe('3'),
    );
    expect(name.value).toBe('pyl');
    fireEvent.blur(name);
    await waitFor(async () =>
      expect((await client.call('signs:list', { projectId: shownProjectId() }))[0]).toMatchObject({
        name: 'pyl',
        quantity: 3,
      }),
    );
  });

  it('each sign has its own design: a revision saved for S2 shows on S2 only', async () => {
    const { client, project } = await openSchedule();
    const s2 = await client.call('signs:add', { projectId: project.id, name: 'monument' });
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Design S2' }));
    // the design tab opens on S2, with a picker for the job's signs
    const picker = (await screen.findByLabelText('Sign')) as HTMLSelectElement;
    expect(picker.value).toBe(s2.id);
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['S1', 'S2 monument']);
    await screen.findByRole('complementary', { name: 'Results' });
    fireEvent.change(screen.getByLabelText('Basic wind speed V (mph)'), {
      target: { value: '140' },
    });
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Save revision' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save revision' }));
    expect(await screen.findByText('Saved design revision 1 of S2.')).toBeTruthy();

    const s2Revs = await client.call('designs:list-revisions-sign', { signId: s2.id });
    expect(s2Revs).toHaveLength(1);
    const s1 = (await client.call('signs:list', { projectId: project.id }))[0];
    expect(await client.call('designs:list-revisions-sign', { signId: s1.id })).toHaveLength(0);
    const rev = await client.call('designs:get-revision', { id: s2Revs[0].id });
    expect(rev.input.site.windSpeedMph).toBe(140);

    // back on the schedule: S2 shows its revision's verdict and its pole; S1 is still not designed
    useRouter.getState().go({ name: 'project', id: project.id, tab: 'signs' });
    await waitFor(() =>
      expect(rows()[1]).toMatch(
        /^S2 \| monument \| 1 \| (Passes|Does not pass|Needs review) rev 1$/,
      ),
    );
    expect(rows()[0]).toBe('S1 |  | 1 | Not designed');
    const s2Row = within(screen.getByRole('table', { name: 'Sign schedule' })).getAllByRole(
      'row',
    )[2];
    expect(s2Row.querySelectorAll('td')[4].textContent).toBe(s2Revs[0].pole);
    expect(s2Row.querySelectorAll('td')[5].textContent).toMatch(/^[\d.]+ ft Ø × [\d.]+ ft$/);
  });
});
