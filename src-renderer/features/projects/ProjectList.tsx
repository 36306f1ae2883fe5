import { useEffect, useRef, useState } from 'react';
import {
  PROJECT_STATUSES,
  STATUS_LABELS,
  type Project,
  type ProjectStatus,
} from '../../../src-shared/projects';
import { useClient, useQuery } from '../../app/client-context';
import { useRouter } from '../../app/router';
import { toast } from '../../app/toasts';
import { formatWhen } from '../../lib/format';
import { NewProjectDialog } from './NewProjectDialog';
import { SyncBadgeView } from './SyncBadge';

type View = 'active' | 'archived' | 'trash';

/** The home screen: search first, status chips, a dense keyboard-driven table. */
export function ProjectList() {
  const client = useClient();
  const go = useRouter((s) => s.go);
  const [query, setQuery] = useState('');
  const [statuses, setStatuses] = useState<ProjectStatus[]>([]);
  const [view, setView] = useState<View>('active');
  const [selected, setSelected] = useState(0);
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const { data, error } = useQuery('projects:list', { query, statuses, view, limit: 200 }, [
    'projects:changed',
  ]);
  const items = data?.items ?? [];
  const states = useQuery('sync:states', { ids: items.map((p) => p.id) }, [
    'sync:status',
    'projects:changed',
  ]);

  useEffect(() => searchRef.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = (e.target as HTMLElement)?.closest?.('input, textarea, select');
      if ((e.key === '/' && !typing) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => setSelected(0), [query, statuses, view]);

  const open = (p: Project | undefined) =>
    p && view !== 'trash' && go({ name: 'project', id: p.id, tab: 'overview' });
  // arrows and Enter drive the table only from the search box or a row: Enter on a button (New
  // project, a filter chip) belongs to that button
  const onListKey = (e: React.KeyboardEvent) => {
    const t = e.target as HTMLElement;
    if (!(t === searchRef.current || t.closest('tr[data-project-row]'))) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelected((i) => Math.min(items.length - 1, i + 1));
      if (t !== searchRef.current) focusRow(Math.min(items.length - 1, selected + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected((i) => Math.max(0, i - 1));
      if (t !== searchRef.current) focusRow(Math.max(0, selected - 1));
    } else if (e.key === 'Enter' && items[selected]) {
      e.preventDefault();
      open(items[selected]);
    }
  };
  const tableRef = useRef<HTMLTableElement>(null);
  const focusRow = (i: number) =>
    tableRef.current?.querySelectorAll<HTMLElement>('tr[data-project-row]')[i]?.focus();
  const toggle = (s: ProjectStatus) =>
    setStatuses((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));

  const restore = async (p: Project) => {
    try {
      await client.call('projects:restore', { id: p.id });
      toast.info(`Restored “${p.name}”.`);
    } catch (err) {
      toast.error((err as Error).message);
    }
  };

  return (
    // arrow keys and Enter from the search box and the rows inside, handled in one place
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section aria-labelledby="projects-title" onKeyDown={onListKey}>
      <div className="toolbar">
        <h1 id="projects-title" style={{ margin: 0 }}>
          Projects
        </h1>
        <span className="muted">{data ? `${data.total} shown` : ''}</span>
        <span style={{ flex: 1 }} />
        <button type="button" className="btn primary" onClick={() => setCreating(true)}>
          New project
        </button>
      </div>
      <div className="toolbar">
        <input
          ref={searchRef}
          className="search"
          type="search"
          aria-label="Search projects"
          placeholder="Search name, customer, address, notes…  ( / or Ctrl+K )"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="chips" role="group" aria-label="Filter by status">
          {PROJECT_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className="chip"
              aria-pressed={statuses.includes(s)}
              onClick={() => toggle(s)}
            >
              {STATUS_LABELS[s]}
            </button>
          ))}
        </div>
        <div className="chips" role="group" aria-label="Show">
          {(['active', 'archived', 'trash'] as View[]).map((v) => (
            <button
              key={v}
              type="button"
              className="chip"
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {v === 'active' ? 'Active' : v === 'archived' ? 'Archived' : 'Trash'}
            </button>
          ))}
        </div>
      </div>
      {error && <div className="form-error">{error.message}</div>}
      {data && items.length === 0 ? (
        <div className="empty">
          {query || statuses.length
            ? 'No projects match. Try fewer words or clear the filters.'
            : view === 'trash'
              ? 'The trash is empty.'
              : view === 'archived'
                ? 'No archived projects.'
                : 'No projects yet. Create the first one with “New project”.'}
        </div>
      ) : (
        <table className="grid" aria-label="Projects" ref={tableRef}>
          <thead>
            <tr>
              <th>Name</th>
              <th>Customer</th>
              <th>Site</th>
              <th>Status</th>
              <th>Updated</th>
              <th>Sync</th>
              {view === 'trash' && <th />}
            </tr>
          </thead>
          <tbody>
            {items.map((p, i) => (
              <tr
                key={p.id}
                data-project-row=""
                aria-selected={i === selected}
                tabIndex={i === selected ? 0 : -1}
                onClick={() => (setSelected(i), open(p))}
              >
                <td>{p.name}</td>
                <td>{p.customer.company || p.customer.contact}</td>
                <td>{p.siteAddress}</td>
                <td>
                  <span className={`badge ${p.status}`}>{STATUS_LABELS[p.status]}</span>
                </td>
                <td className="num">{formatWhen(p.updatedAt)}</td>
                <td>
                  <SyncBadgeView state={states.data?.[p.id]} />
                </td>
                {view === 'trash' && (
                  <td>
                    <button
                      className="btn small"
                      onClick={(e) => (e.stopPropagation(), restore(p))}
                    >
                      Restore
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && (
        <NewProjectDialog
          onClose={() => setCreating(false)}
          onCreated={(p) => go({ name: 'project', id: p.id, tab: 'overview' })}
        />
      )}
    </section>
  );
}
