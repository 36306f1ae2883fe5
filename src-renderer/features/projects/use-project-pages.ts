import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListQuery, ProjectListItem } from '../../../src-shared/projects';
import { useClient } from '../../app/client-context';

/** Rows fetched per `projects:list` call (the contract allows up to 500). */
export const PAGE_SIZE = 200;

type Filter = Pick<ListQuery, 'query' | 'statuses' | 'view'>;

interface Pages {
  key: string;
  total: number | null;
  pages: Record<number, ProjectListItem[]>;
  error?: Error;
}

export interface ProjectPages {
  /** rows matching the filter (null until the first page answers) */
  total: number | null;
  error?: Error;
  /** the project at a row, or undefined while its page is still on the way */
  at(index: number): ProjectListItem | undefined;
  /** asks for the pages holding rows first..last (the rows on screen) */
  want(first: number, last: number): void;
}

/**
 * The project list, paged in as it scrolls: the main process owns the rows, this only asks for
 * the pages the screen shows (docs/STYLE.md 9: no second store of the data). A filter change starts
 * over; `projects:changed` refetches the pages already loaded (once per burst), so edits show
 * without a jump.
 * Answers for an older filter are dropped.
 */
export function useProjectPages(filter: Filter): ProjectPages {
  const client = useClient();
  const key = JSON.stringify(filter);
  const [state, setState] = useState<Pages>({ key, total: null, pages: {} });
  // page requests on the way; true = a change arrived meanwhile, so ask again when it answers
  const inFlight = useRef(new Map<string, boolean>());
  const current = useRef(key);
  current.current = key;
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const load = useCallback(
    (page: number, forKey: string, refresh = false) => {
      const id = `${forKey}#${page}`;
      if (inFlight.current.has(id)) {
        if (refresh) inFlight.current.set(id, true);
        return;
      }
      inFlight.current.set(id, false);
      client
        .call('projects:list', {
          ...filterRef.current,
          limit: PAGE_SIZE,
          offset: page * PAGE_SIZE,
        })
        .then(
          (res) =>
            current.current === forKey &&
            setState((s) =>
              s.key === forKey
                ? { key: forKey, total: res.total, pages: { ...s.pages, [page]: res.items } }
                : // the first page of a new filter replaces the old rows (shown until then)
                  page === 0
                  ? { key: forKey, total: res.total, pages: { 0: res.items } }
                  : s,
            ),
          (error: Error) => current.current === forKey && setState((s) => ({ ...s, error })),
        )
        .finally(() => {
          const again = inFlight.current.get(id);
          inFlight.current.delete(id);
          if (again && current.current === forKey) load(page, forKey, true);
        });
    },
    [client],
  );

  // a new filter: start over from the first page; the old rows stay until it answers, so the
  // list does not flash empty while typing
  useEffect(() => load(0, key), [key, load]);

  const loaded = useRef<number[]>([]);
  loaded.current = state.key === key ? Object.keys(state.pages).map(Number) : [];
  useEffect(() => {
    // a burst of changes (a sync pull, an import) refetches once, not once per project
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = client.on('projects:changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const p of loaded.current.length ? loaded.current : [0])
          load(p, current.current, true);
      }, 50);
    });
    return () => (clearTimeout(timer), off());
  }, [client, load]);

  const fresh = state.key === key;
  const pages = state.pages;
  const want = useCallback(
    (first: number, last: number) => {
      // rows of an older filter on screen: its first page for this one is on the way
      const end = Math.min(last, (state.total ?? 0) - 1);
      if (!fresh || end < first) return;
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++)
        if (!pages[p]) load(p, key);
    },
    [fresh, pages, load, key, state.total],
  );
  return {
    total: state.total,
    error: state.error,
    at: (i) => pages[Math.floor(i / PAGE_SIZE)]?.[i % PAGE_SIZE],
    want,
  };
}
