import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { signInSchema } from '../../../src-shared/sync/client';
import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { Field } from '../../components/Field';
import { CommandError } from '../../lib/client';
import { formatWhen } from '../../lib/format';
import { ConflictInbox } from './ConflictInbox';
import { PHASE_LABEL, useSyncStatus } from './use-sync';

type SignIn = z.infer<typeof signInSchema>;

function SignInForm({ defaultServer }: { defaultServer: string }) {
  const client = useClient();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignIn>({
    resolver: zodResolver(signInSchema),
    defaultValues: { serverUrl: defaultServer, email: '', password: '' },
  });
  return (
    <form
      className="form card"
      aria-label="Sign in to sync"
      noValidate
      onSubmit={handleSubmit(async (v) => {
        try {
          await client.call('sync:sign-in', v);
          toast.info('Signed in. Syncing…');
        } catch (e) {
          if (e instanceof CommandError && Object.keys(e.fields).length) {
            for (const [k, m] of Object.entries(e.fields))
              setError(k as keyof SignIn, { message: m });
          } else toast.error((e as Error).message);
        }
      })}
    >
      <Field
        className="full"
        label="Server URL"
        placeholder="https://sync.yourcompany.com"
        error={errors.serverUrl?.message}
        {...register('serverUrl')}
      />
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.email?.message}
        {...register('email')}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <div className="full dialog-actions">
        <button className="btn primary" type="submit" disabled={isSubmitting}>
          Sign in
        </button>
      </div>
    </form>
  );
}

/** Sync: sign in, state, Sync now / Repair, the mass-delete question, and the conflict inbox. */
export function SyncScreen() {
  const client = useClient();
  const { data: s } = useSyncStatus();
  const policy = useQuery('policy:get', {});
  if (!s) return <p className="muted">Loading…</p>;
  const act = async (label: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
      toast.info(label);
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
              {s.lastError ? <span style={{ color: 'var(--warn)' }}> — {s.lastError}</span> : null}
            </dd>
            <dt>Server</dt>
            <dd className="num">{s.serverUrl}</dd>
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
              The server would move {s.massDelete.count} of your {s.massDelete.total} projects to
              the trash. Nothing was changed.{' '}
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
          {s.parked.length > 0 && (
            <div className="card" style={{ marginTop: 10, borderColor: 'var(--warn)' }}>
              <strong>The server refused {s.parked.length} change(s); they are kept here:</strong>
              <ul className="warning-list">
                {s.parked.map((p) => (
                  <li key={p.entity + p.entityId + p.error}>
                    {p.entity} {p.entityId.slice(0, 8)}: {p.error}
                  </li>
                ))}
              </ul>
            </div>
          )}
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
