import { useQuery } from '../../app/client-context';

export function SettingsScreen() {
  const info = useQuery('app:info', {});
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <h2>About</h2>
      {info.data && (
        <dl className="kv card">
          <dt>Version</dt>
          <dd className="num">{info.data.version}</dd>
          <dt>Engine version</dt>
          <dd className="num">{info.data.engineVersion}</dd>
          <dt>Running as</dt>
          <dd>{info.data.host === 'electron' ? 'Desktop app' : 'Browser mode'}</dd>
          <dt>Data folder</dt>
          <dd className="num">{info.data.dataDir}</dd>
        </dl>
      )}
    </section>
  );
}
