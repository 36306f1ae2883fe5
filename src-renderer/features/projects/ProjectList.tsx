import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import {
  PROJECT_STATUSES,
  STATUS_LABELS,
  type Project,
  type ProjectStatus,
} from '../../../src-shared/projects';
import { useClient, useQuery } from '../../app/client-context';
import { useRouter } from '../../app/router';
import { toast } from '../../app/toasts';
import { formatInteger, formatMoney, formatWhen } from '../../../src-shared/format';
import { PAGE_SIZE, useProjectPages } from './use-project-pages';
import { NewProjectDialog } from './NewProjectDialog';
import { SyncBadgeView } from './SyncBadge';

type View = 'active' | 'archived' | 'trash';

/** One table row's height (px), before it is measured; rows are one line (nowrap). */
const ROW_PX = 30;

/**
 * The home screen: search first, status chips, a dense keyboard-driven table. The table is
 * virtualized (only the rows on screen are in the DOM) and paged in from the main process as it
 * scrolls, so every one of 10,000 projects is reachable by scrolling and by the keyboard.
 */
export function ProjectList() {
  const client = useClient();
  const go = useRouter((s) => s.go);
  const [query, setQuery] = useState('');
  const [statuses, setStatuses] = useState<ProjectStatus[]>([]);
  const [view, setView] = useState<View>('active');
  const [selected, setSelected] = useState(0);
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const list = useProjectPages({ query, statuses, view });
  const total = list.total ?? 0;
  const tableRef = useRef<HTMLTableElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // where the rows start on the page (below the toolbars, which wrap on a narrow window)
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const b = bodyRef.current;
      if (b) setMargin(Math.round(b.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [total, view, statuses, query, list.error]);
  const rows = useWindowVirtualizer({
    count: total,
    estimateSize: () => ROW_PX,
    overscan: 12,
    scrollMargin: margin,
    // no layout yet (or none at all, as under jsdom): a laptop screenful of rows of the usual height
    initialRect: { width: 1366, height: 768 },
    measureElement: (el) => Math.round(el.getBoundingClientRect().height) || ROW_PX,
  });
  const shown = rows.getVirtualItems();
  const first = shown[0]?.index ?? 0;
  const last = shown[shown.length - 1]?.index ?? -1;
  const { want } = list;
  // the next page is asked for half a page ahead, so a steady scroll never waits on one
  const ahead = PAGE_SIZE / 2;
  useEffect(() => want(Math.max(0, first - ahead), last + ahead), [want, first, last, ahead]);
  // sync badges for the pages on screen: one question per page, not one per scrolled row
  const firstRow = Math.floor(first / PAGE_SIZE) * PAGE_SIZE;
  const lastRow = Math.min(total, (Math.floor(Math.max(last, 0) / PAGE_SIZE) + 1) * PAGE_SIZE);
  const pageIds: string[] = [];
  for (let i = firstRow; i < lastRow; i++) {
    const p = list.at(i);
    if (p) pageIds.push(p.id);
  }
  const states = useQuery('sync:states', { ids: pageIds }, ['sync:status', 'projects:changed']);

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
  // a row chosen from the keyboard: scroll it into view, then focus it once it is rendered
  const [focusWanted, setFocusWanted] = useState(false);
  useEffect(() => {
    if (!focusWanted) return;
    const row = tableRef.current?.querySelector<HTMLElement>(`tr[data-index="${selected}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      setFocusWanted(false);
    }
  }, [focusWanted, selected, first, last]);

  const open = (p: Project | undefined) =>
    p && view !== 'trash' && go({ name: 'project', id: p.id, tab: 'overview' });
  // arrows and Enter drive the table only from the search box or a row: Enter on a button (New
  // project, a filter chip) belongs to that button
  const onListKey = (e: React.KeyboardEvent) => {
    const t = e.target as HTMLElement;
    const fromSearch = t === searchRef.current;
    if (!(fromSearch || t.closest('tr[data-project-row]'))) return;
    if (!total) return;
    // Home/End and the page keys move the caret in the search box; on a row they move the row
    const page = Math.max(1, Math.floor(window.innerHeight / ROW_PX) - 2);
    const to: Record<string, number> = fromSearch
      ? { ArrowDown: selected + 1, ArrowUp: selected - 1 }
      : {
          ArrowDown: selected + 1,
          ArrowUp: selected - 1,
          PageDown: selected + page,
          PageUp: selected - page,
          Home: 0,
          End: total - 1,
        };
    if (e.key in to) {
      e.preventDefault();
      const i = Math.max(0, Math.min(total - 1, to[e.key]));
      setSelected(i);
      rows.scrollToIndex(i, { align: 'auto' });
      if (!fromSearch) setFocusWanted(true);
    } else if (e.key === 'Enter' && list.at(selected)) {
      e.preventDefault();
      open(list.at(selected));
    }
  };
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

  const cols = view === 'trash' ? 9 : 8;
  return (
    // arrow keys and Enter from the search box and the rows inside, handled in one place
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section aria-labelledby="projects-title" onKeyDown={onListKey}>
      <div className="toolbar">
        <h1 id="projects-title" style={{ margin: 0 }}>
          Projects
        </h1>
        <span className="muted" aria-live="polite">
          {list.total === null ? '' : `${formatInteger(list.total)} shown`}
        </span>
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
      {list.error && <div className="form-error">{list.error.message}</div>}
      {list.total === 0 ? (
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
        <table
          className="grid project-list"
          aria-label="Projects"
          aria-rowcount={total + 1}
          ref={tableRef}
        >
          <colgroup>
            <col className="c-name" />
            <col className="c-customer" />
            <col className="c-site" />
            <col className="c-status" />
            <col className="c-signs" />
            <col className="c-quoted" />
            <col className="c-updated" />
            <col className="c-sync" />
            {view === 'trash' && <col className="c-restore" />}
          </colgroup>
          <thead>
            <tr>
              <th>Name</th>
              <th>Customer</th>
              <th>Site</th>
              <th>Status</th>
              <th className="num" title="Signs to build (each sign times its quantity)">
                Signs
              </th>
              <th className="num" title="Total of the latest quote revision">
                Quoted
              </th>
              <th>Updated</th>
              <th>Sync</th>
              {view === 'trash' && <th />}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {shown.length > 0 && shown[0].start - rows.options.scrollMargin > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={cols} style={{ height: shown[0].start - rows.options.scrollMargin }} />
              </tr>
            )}
            {shown.map((r) => {
              const i = r.index;
              const p = list.at(i);
              return (
                <tr
                  key={p?.id ?? `row-${i}`}
                  ref={rows.measureElement}
                  data-index={i}
                  data-project-row=""
                  aria-rowindex={i + 2}
                  aria-selected={i === selected}
                  aria-busy={p ? undefined : true}
                  tabIndex={i === selected ? 0 : -1}
                  onClick={() => (setSelected(i), open(p))}
                >
                  {p ? (
                    <>
                      <td title={p.name}>{p.name}</td>
                      <td>{p.customer.company || p.customer.contact}</td>
                      <td>{p.siteAddress}</td>
                      <td>
                        <span className={`badge ${p.status}`}>{STATUS_LABELS[p.status]}</span>
                      </td>
                      <td className="num">{p.signsToBuild}</td>
                      <td className="num">
                        {p.quotedTotalCents === null ? '—' : formatMoney(p.quotedTotalCents)}
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
                    </>
                  ) : (
                    <td colSpan={cols} className="muted">
                      Loading…
                    </td>
                  )}
                </tr>
              );
            })}
            {shown.length > 0 && rows.getTotalSize() - shown[shown.length - 1].end > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td
                  colSpan={cols}
                  style={{ height: rows.getTotalSize() - shown[shown.length - 1].end }}
                />
              </tr>
            )}
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
