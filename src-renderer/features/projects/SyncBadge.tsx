import { useQuery } from '../../app/client-context';

export type SyncBadgeState = 'local' | 'pending' | 'synced' | 'conflict';

const TEXT: Record<SyncBadgeState, { label: string; title: string; cls: string }> = {
  local: {
    label: 'Local',
    title: 'Saved on this computer only. Sign in to a sync server to share it.',
    cls: '',
  },
  pending: {
    label: 'Pending',
    title: 'Saved here; waiting to be sent to the server.',
    cls: 'submitted',
  },
  synced: { label: 'Synced', title: 'The server has the latest version.', cls: 'accepted' },
  conflict: {
    label: 'Conflict',
    title: 'Changed here and elsewhere: resolve it in Sync > Conflicts.',
    cls: 'rejected',
  },
};

export function SyncBadgeView({ state }: { state: SyncBadgeState | undefined }) {
  const t = TEXT[state ?? 'local'];
  return (
    <span className={`badge ${t.cls}`} title={t.title} data-sync={state ?? 'local'}>
      {t.label}
    </span>
  );
}

/** Per-project sync state (for a single project; the list fetches all rows at once). */
export function SyncBadge({ projectId }: { projectId: string }) {
  const { data } = useQuery('sync:states', { ids: [projectId] }, [
    'sync:status',
    'projects:changed',
  ]);
  return <SyncBadgeView state={data?.[projectId]} />;
}
