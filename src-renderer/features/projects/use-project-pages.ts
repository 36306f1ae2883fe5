import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ListQuery, Project } from '../../../src-shared/projects';
import { useClient } from '../../app/client-context';

/** Rows fetched per `projects:list` call (the contract allows up to 500). */
export const PAGE_SIZE = 200;

type Filter = Pick<ListQuery, 'query' | 'statuses' | 'view'>;

interface Pages {
  key: string;
  total: number | null;
  pages: Record<number, Project[]>;
  error?: Error;
}

export interface ProjectPages {
  /** rows matching the filter (null until the first page answers) */
  total: number | null;
  error?: Error;
  /** the project at a row, or undefined while its page is still on the way */
  at(index: number): Project | undefined;
  /** asks for the pages holding rows first..last (the rows on screen) */
  want(first: number, last: number): void;
}

/**
 * The project list, paged in as it scrolls: the main process owns the rows, this only asks for
 * the pages the screen shows (STYLE.md 9: no second store of the data). A filter change starts
 * over; `projects:changed` refetches the pages already loaded (once per burst), so edits show
 * without a jump.
 * Answers for an older filter are dropped.
 */
export function useProjectPages(filter: Filter): ProjectPages {
  const client = useClient();
  const key = JSON.stringify(filter);
  const [state, setState] = useState<Pages>({ key, total: null, pages: {} });
  const inFlight = useRef(new Set<string>());
  const current = useRef(key);
  current.current = key;
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const load = useCallback(
    (page: number, forKey: string) => {
      const id = `${forKey}#${page}`;
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
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
                : s,
            ),
          (error: Error) =>
            current.current === forKey && setState((s) => (s.key === forKey ? { ...s, error } : s)),
        )
        .finally(() => inFlight.current.delete(id));
    },
    [client],
  );

  // a new filter: start over from the first page
  useEffect(() => {
    setState({ key, total: null, pages: {} });
    load(0, key);
  }, [key, load]);

  const loaded = useRef<number[]>([]);
  loaded.current = state.key === key ? Object.keys(state.pages).map(Number) : [];
  useEffect(() => {
    // a burst of changes (a sync pull, an import) refetches once, not once per project
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = client.on('projects:changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const p of loaded.current.length ? loaded.current : [0]) load(p, current.current);
      }, 50);
    });
    return () => (clearTimeout(timer), off());
  }, [client, load]);

  const fresh = state.key === key;
  const pages = useMemo(() => (fresh ? state.pages : {}), [fresh, state.pages]);
  const want = useCallback(
    (first: number, last: number) => {
      if (last < first) return;
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++)
        if (!pages[p]) load(p, key);
    },
    [pages, load, key],
  );
  return {
    total: fresh ? state.total : null,
    error: fresh ? state.error : undefined,
    at: (i) => pages[Math.floor(i / PAGE_SIZE)]?.[i % PAGE_SIZE],
    want,
  };
}
