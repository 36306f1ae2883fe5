import { create } from 'zustand';

/**
 * UI state only (docs/STYLE.md 9): where the user is. The hash keeps the place across a reload.
 * Routes: #/projects, #/projects/<id>/<tab>[/<signId>], #/pricebook, #/sync, #/settings. The sign
 * is the schedule's sign a tab shows (the design of that sign); without it, the first sign.
 */
export type Route =
  | { name: 'projects' }
  | { name: 'project'; id: string; tab: string; sign?: string }
  | { name: 'pricebook' }
  | { name: 'sync' }
  | { name: 'settings' };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'projects' && parts[1]) {
    const r: Route = { name: 'project', id: parts[1], tab: parts[2] ?? 'overview' };
    return parts[3] ? { ...r, sign: parts[3] } : r;
  }
  if (parts[0] === 'pricebook' || parts[0] === 'sync' || parts[0] === 'settings')
    return { name: parts[0] };
  return { name: 'projects' };
}

export function routeHash(r: Route): string {
  if (r.name === 'project')
    return `#/projects/${encodeURIComponent(r.id)}/${r.tab}${r.sign ? `/${encodeURIComponent(r.sign)}` : ''}`;
  return `#/${r.name}`;
}

interface RouterState {
  route: Route;
  go(r: Route): void;
}

export const useRouter = create<RouterState>((set) => ({
  route: typeof window === 'undefined' ? { name: 'projects' } : parseHash(window.location.hash),
  go: (r) => {
    if (typeof window !== 'undefined' && window.location.hash !== routeHash(r)) {
      window.location.hash = routeHash(r);
    }
    set({ route: r });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () =>
    useRouter.setState({ route: parseHash(window.location.hash) }),
  );
}
