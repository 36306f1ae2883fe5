import { useQuery } from '../../app/client-context';
import { formatWhen } from '../../lib/format';

const ACTION_LABELS: Record<string, string> = {
  'project.created': 'Created the project',
  'project.updated': 'Edited details',
  'project.status': 'Changed status',
  'project.status-undone': 'Undid a status change',
  'project.archived': 'Archived',
  'project.unarchived': 'Unarchived',
  'project.deleted': 'Moved to trash',
  'project.restored': 'Restored from trash',
};

type Obj = Record<string, unknown> | null;

/** What changed between before and after, in a line: `status: draft → estimating`. */
function describeChange(before: Obj, after: Obj): string {
  if (!before || !after) return '';
  const changes: string[] = [];
  const walk = (b: Obj, a: Obj, prefix: string) => {
    for (const key of Object.keys({ ...b, ...a })) {
      if (key === 'updatedAt' || key === 'version') continue;
      const bv = b?.[key];
      const av = a?.[key];
      if (bv && av && typeof bv === 'object' && typeof av === 'object')
        walk(bv as Obj, av as Obj, `${prefix}${key}.`);
      else if (JSON.stringify(bv) !== JSON.stringify(av)) {
        changes.push(`${prefix}${key}: ${bv ?? '—'} → ${av ?? '—'}`);
      }
    }
  };
  walk(before, after, '');
  return changes.join('; ');
}

export function ActivityTab({ projectId }: { projectId: string }) {
  const { data, error } = useQuery('projects:activity', { id: projectId }, ['projects:changed']);
  if (error) return <div className="form-error">{error.message}</div>;
  if (!data) return <p className="muted">Loading…</p>;
  return (
    <ul className="activity" aria-label="Activity">
      {data.map((e) => (
        <li key={e.id}>
          <span className="when num">{formatWhen(e.at)}</span>
          <span>{e.actor}</span>
          <span>
            <strong>{ACTION_LABELS[e.action] ?? e.action}</strong>{' '}
            <span className="muted">{describeChange(e.before as Obj, e.after as Obj)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
