import { useEffect } from 'react';
import { useClient } from '../app/client-context';

/**
 * Tells the main process while a form holds unsaved edits, so "restart to update" waits for
 * them (the updater refuses to restart while anything is dirty).
 */
export function useReportDirty(dirty: boolean): void {
  const client = useClient();
  useEffect(() => {
    if (!dirty) return;
    void client.call('app:set-dirty', { dirty: true }).catch(() => undefined);
    return () => void client.call('app:set-dirty', { dirty: false }).catch(() => undefined);
  }, [dirty, client]);
}
