import { useState } from 'react';
import type { SyncStatusView } from '../../../src-shared/sync/client';
import { useClient } from '../../app/client-context';
import { useRouter, type Route } from '../../app/router';
import { toast } from '../../app/toasts';
import { formatWhen } from '../../../src-shared/format';
import { ConfirmDialog } from './ConfirmDialog';

type Parked = SyncStatusView['parked'][number];

/** Where "Open to fix" goes for each kind of record. */
function fixRoute(p: Parked): Route {
  if (p.entity === 'price-book') return { name: 'pricebook' };
  if (p.entity === 'company') return { name: 'pricebook' };
  const tab =
    p.entity === 'design'
      ? 'design'
      : p.entity === 'quote'
        ? 'quote'
        : p.entity === 'attachment'
          ? 'files'
          : 'overview';
  return p.projectId ? { name: 'project', id: p.projectId, tab } : { name: 'projects' };
}

/**
 * Changes the server refused, kept on this computer with the reason and the field at fault. They
 * never hold up the rest of the queue; each can be opened to fix (a new edit replaces it) or, after
 * a confirmation, discarded (the record goes back to the server's version).
 */
export function ParkedList({ parked }: { parked: Parked[] }) {
  const client = useClient();
  const go = useRouter((s) => s.go);
  const [asking, setAsking] = useState<Parked | null>(null);
  if (!parked.length) return null;
  const discard = async (p: Parked) => {
    setAsking(null);
    try {
      await client.call('sync:discard-parked', { entity: p.entity, entityId: p.entityId });
      toast.info(`Discarded the refused change to ${p.title ?? p.entity}.`);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  return (
    <section
      className="card"
      aria-labelledby="parked-title"
      style={{ marginTop: 10, borderColor: 'var(--warn)' }}
    >
      <h2 id="parked-title" style={{ margin: '0 0 6px', fontSize: 16 }}>
        Not accepted by the server ({parked.length})
      </h2>
      <p className="muted" style={{ marginTop: 0 }}>
        These changes are kept on this computer and did not stop anything else from syncing. Fix the
        record and save it again, or discard the change.
      </p>
      <table className="grid compact" aria-label="Changes the server refused">
        <thead>
          <tr>
            <th>Record</th>
            <th>Reason</th>
            <th>Field</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {parked.map((p) => (
            <tr key={p.entity + p.entityId}>
              <td>
                {p.title ?? `${p.entity} ${p.entityId.slice(0, 8)}`}
                {p.parkedAt && <div className="muted num">{formatWhen(p.parkedAt)}</div>}
              </td>
              <td style={{ maxWidth: 380, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                {p.error}
              </td>
              <td>{p.fieldLabel ?? '—'}</td>
              <td style={{ whiteSpace: 'nowrap' }}>
                <button className="btn small" onClick={() => go(fixRoute(p))}>
                  Open to fix
                </button>{' '}
                <button className="btn small" onClick={() => setAsking(p)}>
                  Discard my change
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking && (
        <ConfirmDialog
          title="Discard this change?"
          confirmLabel="Discard my change"
          onCancel={() => setAsking(null)}
          onConfirm={() => void discard(asking)}
        >
          <p>
            {asking.title}: the refused change will not be sent. This computer goes back to the
            version the server has (if it has one). The discarded change stays in the project’s
            Activity.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
