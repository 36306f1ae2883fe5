import { useQuery } from '../../app/client-context';

/** The sync state, refreshed whenever the main process reports a change. */
export function useSyncStatus() {
  return useQuery('sync:status', {}, ['sync:status']);
}

export const PHASE_LABEL: Record<string, string> = {
  'signed-out': 'Not signed in',
  idle: 'Synced',
  syncing: 'Syncing…',
  offline: 'Offline',
  error: 'Sync error',
  'needs-confirmation': 'Needs your OK',
};
