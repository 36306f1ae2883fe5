/** Per-project sync state. Until a sync server is configured every project is local-only. */
export function SyncBadge(_props: { projectId: string }) {
  return (
    <span className="badge" title="Saved on this computer. Sign in to a sync server to share it.">
      Local
    </span>
  );
}
