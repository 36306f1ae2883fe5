import { PHASE_LABEL, useSyncStatus } from './use-sync';

const DOT: Record<string, string> = {
  'signed-out': '#8a96a8',
  idle: '#3fb37f',
  syncing: '#5b9cf0',
  offline: '#e0a030',
  error: '#e0584e',
  'needs-confirmation': '#e0584e',
};

/** The left rail's "Sync" entry with its state, visible from every screen. */
export function SyncRailLabel() {
  const { data } = useSyncStatus();
  const phase = data?.phase ?? 'signed-out';
  const extra = data?.conflicts
    ? ` · ${data.conflicts} conflict${data.conflicts > 1 ? 's' : ''}`
    : data?.parked.length
      ? ` · ${data.parked.length} not accepted`
      : data?.pending
        ? ` · ${data.pending} to send`
        : '';
  return (
    <>
      <span>Sync</span>
      <span
        style={{ fontSize: 11, display: 'flex', alignItems: 'center', gap: 4 }}
        aria-label={`Sync state: ${PHASE_LABEL[phase]}${extra}`}
        data-testid="sync-indicator"
      >
        <span
          style={{
            width: 8,
            height: 8,
            borderRadius: 4,
            background: DOT[phase],
            display: 'inline-block',
          }}
        />
        {PHASE_LABEL[phase]}
        {extra}
      </span>
    </>
  );
}
