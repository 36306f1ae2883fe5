import { useQuery } from '../../app/client-context';
import { formatWhen } from '../../../src-shared/format';
import { describeActivity } from './activity-text';

/**
 * Every audited change of the project (details, status, design and quote revisions, the working
 * quote, quote statuses, files), newest first, with who and when. The actor is the one the audit
 * event holds (for changes received by sync, the author the server reports).
 */
export function ActivityTab({ projectId }: { projectId: string }) {
  const { data, error } = useQuery('projects:activity', { id: projectId }, [
    'projects:changed',
    'designs:changed',
    'quotes:changed',
    'attachments:changed',
  ]);
  if (error) return <div className="form-error">{error.message}</div>;
  if (!data) return <p className="muted">Loading…</p>;
  if (!data.length) return <p className="muted">No changes recorded yet.</p>;
  return (
    <ul className="activity" aria-label="Activity">
      {data.map((e) => {
        const t = describeActivity(e);
        return (
          <li key={e.id}>
            <span className="when num">{formatWhen(e.at)}</span>
            <span>{e.actor}</span>
            <span>
              <strong>{t.what}</strong> {t.detail && <span className="muted">{t.detail}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
