import { useState } from 'react';
import type { ConflictViewT } from '../../../src-shared/sync/client';
import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { formatWhen } from '../../../src-shared/format';

const show = (v: unknown) =>
  v === null || v === undefined || v === ''
    ? '—'
    : typeof v === 'object'
      ? JSON.stringify(v)
      : String(v);

function ConflictCard({ c }: { c: ConflictViewT }) {
  const client = useClient();
  const [picks, setPicks] = useState<Record<string, 'mine' | 'theirs'>>({});
  const resolve = async (choice: 'mine' | 'theirs' | 'merge') => {
    try {
      await client.call('sync:resolve', { id: c.id, choice, picks });
      toast.info(
        choice === 'mine'
          ? 'Kept your version.'
          : choice === 'theirs'
            ? 'Took the server version.'
            : 'Merged.',
      );
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  return (
    <div className="card" aria-label={`Conflict: ${c.title}`}>
      <h3 style={{ margin: '0 0 6px' }}>
        {c.entity === 'project' ? 'Project' : c.entity} “{c.title}”
      </h3>
      <p className="muted" style={{ marginTop: 0 }}>
        Changed here and on the server
        {c.theirsBy ? ` by ${c.theirsBy}` : ''}
        {c.theirsAt ? ` (${formatWhen(c.theirsAt)})` : ` (noticed ${formatWhen(c.createdAt)})`}.
        {c.theirsDeleted ? ' On the server it was deleted.' : ''} Only the fields both sides changed
        are asked; choose per field, or keep one side.
      </p>
      {!!c.merged?.length && (
        <p className="muted" data-testid="merged-fields">
          Merged by themselves (changed on one side only):{' '}
          {c.merged.map((m) => `${m.label} (${m.side === 'mine' ? 'yours' : 'theirs'})`).join(', ')}
          .
        </p>
      )}
      <table className="grid compact" aria-label="Differences">
        <thead>
          <tr>
            <th>Field</th>
            <th>Mine (this computer)</th>
            <th>Theirs ({c.theirsBy ?? 'server'})</th>
          </tr>
        </thead>
        <tbody>
          {c.fields.map((f) => {
            const pick = picks[f.path] ?? 'mine';
            return (
              <tr key={f.path}>
                <th scope="row">{f.label ?? f.path}</th>
                <td>
                  <label>
                    <input
                      type="radio"
                      name={`${c.id}-${f.path}`}
                      checked={pick === 'mine'}
                      onChange={() => setPicks({ ...picks, [f.path]: 'mine' })}
                    />{' '}
                    {show(f.mine)}
                  </label>
                </td>
                <td>
                  <label>
                    <input
                      type="radio"
                      name={`${c.id}-${f.path}`}
                      checked={pick === 'theirs'}
                      onChange={() => setPicks({ ...picks, [f.path]: 'theirs' })}
                    />{' '}
                    {show(f.theirs)}
                  </label>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="toolbar" style={{ marginTop: 8 }}>
        <button className="btn" onClick={() => resolve('mine')}>
          Keep mine
        </button>
        <button className="btn" onClick={() => resolve('theirs')}>
          Take theirs
        </button>
        <button className="btn primary" onClick={() => resolve('merge')}>
          Merge selected fields
        </button>
      </div>
    </div>
  );
}

/** Conflicts are never dropped: they wait here, both versions readable, until resolved. */
export function ConflictInbox() {
  const { data } = useQuery('sync:conflicts', {}, ['sync:status', 'projects:changed']);
  return (
    <section aria-labelledby="conflicts-title" style={{ display: 'grid', gap: 10 }}>
      <h2 id="conflicts-title">Conflicts {data?.length ? `(${data.length})` : ''}</h2>
      {!data?.length ? (
        <p className="muted">No conflicts.</p>
      ) : (
        data.map((c) => <ConflictCard key={c.id} c={c} />)
      )}
    </section>
  );
}
