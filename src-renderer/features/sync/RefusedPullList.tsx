import type { SyncStatusView } from '../../../src-shared/sync/client';
import { formatWhen } from '../../../src-shared/format';

type Refused = SyncStatusView['refused'][number];

/**
 * Records the server sent that this computer did not take because they fail the app's rules
 * (a field of the wrong kind, a missing value). Everything else from the same sync was applied;
 * a later version of the record that is valid replaces the entry.
 */
export function RefusedPullList({ refused }: { refused: Refused[] }) {
  if (!refused.length) return null;
  return (
    <section
      className="card"
      aria-labelledby="refused-pull-title"
      style={{ marginTop: 10, borderColor: 'var(--warn)' }}
    >
      <h2 id="refused-pull-title" style={{ margin: '0 0 6px', fontSize: 16 }}>
        Not taken from the server ({refused.length})
      </h2>
      <p className="muted" style={{ marginTop: 0 }}>
        These records arrived in a form this computer cannot use, so they were left out; nothing on
        this computer was changed by them and the rest of the sync went on. Ask whoever last edited
        them to save them again, or contact your administrator.
      </p>
      <table className="grid compact" aria-label="Records from the server that were not taken">
        <thead>
          <tr>
            <th>Record</th>
            <th>Reason</th>
            <th>Field</th>
          </tr>
        </thead>
        <tbody>
          {refused.map((r) => (
            <tr key={r.entity + r.entityId}>
              <td>
                {r.title}
                <div className="muted num">
                  {r.version !== null ? `version ${r.version} · ` : ''}
                  {formatWhen(r.at)}
                </div>
              </td>
              <td style={{ maxWidth: 380, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                {r.message}
              </td>
              <td>{r.fieldLabel ?? r.field ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
