import type { SyncStatusView } from '../../../src-shared/sync/client';
import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { formatWhen } from '../../../src-shared/format';
import { ConflictInbox } from './ConflictInbox';
import { ParkedList } from './ParkedList';
import { RefusedPullList } from './RefusedPullList';
import { INSECURE_WARNING, SignInForm } from './SignInForm';
import { PHASE_LABEL, useSyncStatus } from './use-sync';

type Status = SyncStatusView;

/**
 * What a finished "Sync now" / "Repair" says: the run's real outcome, never "finished" when the
 * server could not be reached.
 */
export function outcomeMessage(s: Status, done: string): { kind: 'info' | 'error'; text: string } {
  const retry = s.nextAttemptAt ? ` It tries again at ${formatWhen(s.nextAttemptAt)}.` : '';
  if (s.phase === 'offline')
    return {
      kind: 'error',
      text: `Could not reach the sync server, so nothing was sent or received. Your changes are kept on this computer.${retry}`,
    };
  if (s.phase === 'error')
    return {
      kind: 'error',
      text: `Sync did not finish: ${s.lastError ?? 'the server refused.'}${retry}`,
    };
  if (s.phase === 'needs-confirmation')
    return { kind: 'info', text: 'Sync stopped to ask you first (see below).' };
  if (s.parked.length)
    return {
      kind: 'info',
      text: `${done} ${s.parked.length} change(s) were not accepted (see below).`,
    };
  if (s.refused.length)
    return {
      kind: 'info',
      text: `${done} ${s.refused.length} record(s) from the server were not taken (see below).`,
    };
  return { kind: 'info', text: done };
}

/** Sync: sign in, state, Sync now / Repair, the mass-delete question, and the conflict inbox. */
export function SyncScreen() {
  const client = useClient();
  const { data: s } = useSyncStatus();
  const policy = useQuery('policy:get', {});
  if (!s) return <p className="muted">Loading…</p>;
  const act = async (label: string, fn: () => Promise<unknown>) => {
    try {
      const res = await fn();
      const out =
        res && typeof res === 'object' && 'phase' in res
          ? outcomeMessage(res as Status, label)
          : { kind: 'info' as const, text: label };
      if (out.kind === 'error') toast.error(out.text);
      else toast.info(out.text);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="sync-title" style={{ display: 'grid', gap: 14, maxWidth: 980 }}>
      <h1 id="sync-title">Sync</h1>
      {s.phase === 'signed-out' ? (
        <>
          <p className="muted">
            Everything works offline. Sign in to share projects, designs, quotes and files with your
            team.
          </p>
          <SignInForm defaultServer={policy.data?.effective.syncServer ?? ''} />
        </>
      ) : (
        <div className="card" aria-label="Sync state">
          <dl className="kv">
            <dt>State</dt>
            <dd>
              <strong data-testid="sync-phase">{PHASE_LABEL[s.phase]}</strong>
              {s.lastError && s.phase !== 'syncing' ? (
                <span style={{ color: 'var(--warn)' }}> — {s.lastError}</span>
              ) : null}
            </dd>
            <dt>Server</dt>
            <dd className="num">
              {s.serverUrl}
              {s.insecure && (
                <div className="form-error" role="alert" data-testid="insecure-warning">
                  {INSECURE_WARNING}
                </div>
              )}
            </dd>
            <dt>Signed in as</dt>
            <dd>
              {s.user?.name} ({s.user?.email}, {s.user?.role})
            </dd>
            <dt>Last sync</dt>
            <dd className="num">{s.lastSyncAt ? formatWhen(s.lastSyncAt) : 'never'}</dd>
            <dt>Waiting to send</dt>
            <dd className="num" data-testid="sync-pending">
              {s.pending}
            </dd>
            {s.records && (
              <>
                <dt>Receiving</dt>
                <dd>
                  <progress
                    max={Math.max(1, s.records.total)}
                    value={s.records.received}
                    aria-label="Records received"
                  />{' '}
                  <span className="num">
                    {s.records.received.toLocaleString('en-US')} of{' '}
                    {s.records.total.toLocaleString('en-US')} records
                  </span>
                </dd>
              </>
            )}
            {s.progress && (
              <>
                <dt>Progress</dt>
                <dd>
                  {s.progress.label}{' '}
                  <progress
                    max={s.progress.totalBytes}
                    value={s.progress.doneBytes}
                    aria-label="Upload progress"
                  />{' '}
                  {Math.round((100 * s.progress.doneBytes) / Math.max(1, s.progress.totalBytes))} %
                </dd>
              </>
            )}
            {s.nextAttemptAt && s.phase !== 'idle' && (
              <>
                <dt>Next attempt</dt>
                <dd className="num">{formatWhen(s.nextAttemptAt)}</dd>
              </>
            )}
          </dl>
          {s.massDelete && (
            <div className="form-error" role="alert" style={{ marginTop: 10 }}>
              The server would move {s.massDelete.count} of your {s.massDelete.total}{' '}
              {s.massDelete.what} to the trash. Nothing was changed.{' '}
              <button
                className="btn small"
                onClick={() =>
                  act('Applied the deletions from the server.', () =>
                    client.call('sync:confirm-deletes', {}),
                  )
                }
              >
                Yes, apply them
              </button>
            </div>
          )}
          <ParkedList parked={s.parked} />
          <RefusedPullList refused={s.refused} />
          <div className="toolbar" style={{ marginTop: 10 }}>
            <button
              className="btn primary"
              disabled={s.phase === 'syncing'}
              onClick={() => act('Sync finished.', () => client.call('sync:now', {}))}
            >
              Sync now
            </button>
            <button
              className="btn"
              title="Fetch everything from the server again. Changes not yet sent are kept."
              onClick={() =>
                act('Repair finished: everything was fetched again.', () =>
                  client.call('sync:repair', {}),
                )
              }
            >
              Repair sync
            </button>
            <span style={{ flex: 1 }} />
            <button
              className="btn"
              onClick={() =>
                act('Signed out. Your work stays on this computer.', () =>
                  client.call('sync:sign-out', {}),
                )
              }
            >
              Sign out
            </button>
          </div>
        </div>
      )}
      <ConflictInbox />
    </section>
  );
}
