import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { formatNumber, formatWhen } from '../../../src-shared/format';
import { CompanyForm } from './CompanyForm';
import { ProfileForm } from './ProfileForm';

function Locked({ on }: { on: boolean }) {
  return on ? (
    <span
      className="badge"
      title="Set by your IT department (machine policy); it cannot be changed here."
    >
      Locked by policy
    </span>
  ) : null;
}

/**
 * Settings: your profile, the company details every quote prints, About (versions), updates
 * (channel, check, restart) and what IT policy locks.
 */
export function SettingsScreen() {
  const client = useClient();
  const profile = useQuery('profile:get', {}, ['sync:status', 'profile:changed']);
  const company = useQuery('quotes:get-company', {});
  const info = useQuery('app:info', {});
  const about = useQuery('app:about', {}, ['updates:state']);
  const policy = useQuery('policy:get', {});
  const u = about.data?.updateState;
  const p = policy.data;

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      about.reload();
    } catch (e) {
      toast.error((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="settings-title" style={{ display: 'grid', gap: 14, maxWidth: 860 }}>
      <h1 id="settings-title">Settings</h1>
      <div className="card" role="group" aria-labelledby="profile-title">
        <h2 id="profile-title" style={{ marginTop: 0 }}>
          Your profile
        </h2>
        {profile.data && (
          <ProfileForm
            profile={profile.data}
            onSave={async (p) => {
              try {
                await client.call('profile:set', p);
                profile.reload();
                toast.info(`Profile saved: changes are now signed ${p.name} (${p.initials}).`);
              } catch (e) {
                toast.error((e as Error).message);
              }
            }}
          />
        )}
      </div>
      <div className="card" role="group" aria-labelledby="company-title">
        <h2 id="company-title" style={{ marginTop: 0 }}>
          Company on quotes
        </h2>
        {company.data && (
          <CompanyForm
            company={company.data}
            onSave={async (c) => {
              try {
                await client.call('quotes:save-company', c);
                company.reload();
                toast.info('Company details saved; new quote revisions print them.');
              } catch (e) {
                toast.error((e as Error).message);
              }
            }}
          />
        )}
      </div>
      <div className="card" role="group" aria-labelledby="about-title">
        <h2 id="about-title" style={{ marginTop: 0 }}>
          About Signwright
        </h2>
        {info.data && (
          <dl className="kv">
            <dt>Version</dt>
            <dd className="num">{info.data.version}</dd>
            <dt>Engine version</dt>
            <dd className="num">{info.data.engineVersion}</dd>
            <dt>Running as</dt>
            <dd>
              {info.data.host === 'electron' ? 'Desktop app' : 'Browser mode (loopback only)'}
            </dd>
            <dt>Data folder</dt>
            <dd className="num">{info.data.dataDir}</dd>
            {about.data &&
              Object.entries(about.data.runtime).map(([k, v]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{k}</dt>
                  <dd className="num">{v}</dd>
                </div>
              ))}
          </dl>
        )}
        <div className="toolbar" style={{ marginTop: 8 }}>
          <button
            className="btn"
            onClick={() =>
              run(async () => {
                const r = await client.call('app:open-logs-folder', {});
                toast.info(`Logs are in ${r.path}`);
              })
            }
          >
            Open logs folder
          </button>
        </div>
      </div>

      <div className="card" role="group" aria-labelledby="updates-title">
        <h2 id="updates-title" style={{ marginTop: 0 }}>
          Updates
        </h2>
        {u && (
          <dl className="kv">
            <dt>State</dt>
            <dd>
              {u.phase}
              {u.message ? ` — ${u.message}` : ''}
              {u.phase === 'downloading' && u.percent !== null
                ? ` (${formatNumber(u.percent, 0)} %)`
                : ''}
            </dd>
            <dt>Channel</dt>
            <dd>
              <select
                aria-label="Update channel"
                value={u.channel}
                disabled={p?.locked.updateChannel || u.phase === 'unsupported'}
                onChange={(e) =>
                  run(() =>
                    client.call('updates:set-channel', {
                      channel: e.target.value as 'stable' | 'beta',
                    }),
                  )
                }
              >
                <option value="stable">Stable</option>
                <option value="beta">Beta</option>
              </select>{' '}
              <Locked on={!!p?.locked.updateChannel} />
            </dd>
            {u.availableVersion && (
              <>
                <dt>Available</dt>
                <dd className="num">{u.availableVersion}</dd>
              </>
            )}
            <dt>Last checked</dt>
            <dd className="num">{u.lastCheckedAt ? formatWhen(u.lastCheckedAt) : 'never'}</dd>
          </dl>
        )}
        <div className="toolbar" style={{ marginTop: 8 }}>
          <button
            className="btn"
            disabled={!u || u.phase === 'unsupported' || u.phase === 'disabled'}
            onClick={() => run(() => client.call('updates:check', {}))}
          >
            Check for updates
          </button>
          {u?.phase === 'downloaded' && (
            <button
              className="btn primary"
              onClick={() =>
                run(async () => {
                  const r = await client.call('updates:restart', {});
                  if (!r.restarting) toast.error(r.reason);
                })
              }
            >
              Restart to update
            </button>
          )}
        </div>
      </div>

      {p && (
        <div className="card" role="group" aria-labelledby="policy-title">
          <h2 id="policy-title" style={{ marginTop: 0 }}>
            Managed settings
          </h2>
          <dl className="kv">
            <dt>Automatic updates</dt>
            <dd>
              {p.effective.updatesEnabled ? 'On' : 'Off'} <Locked on={p.locked.updatesEnabled} />
            </dd>
            <dt>Update feed</dt>
            <dd className="num">
              {p.effective.updateFeedUrl ?? 'built-in'} <Locked on={p.locked.updateFeedUrl} />
            </dd>
            <dt>Default sync server</dt>
            <dd className="num">
              {p.effective.syncServer ?? 'none'} <Locked on={p.locked.syncServer} />
            </dd>
            <dt>Policy file</dt>
            <dd className="num">{p.policyFile}</dd>
          </dl>
          {p.problems.length > 0 && (
            <ul className="warning-list" aria-label="Policy problems">
              {p.problems.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
