import type Database from 'better-sqlite3';
import { outboxCount } from './outbox';
import type { WorkAtRisk } from './updates-logic';

/** What would be lost (or left behind) if the app quit now. */
export interface WorkState {
  setDirty(dirty: boolean): void;
  isDirty(): boolean;
  atRisk(): WorkAtRisk;
}

export function createWorkState(sqlite: Database.Database): WorkState {
  // in memory on purpose: unsaved edits die with the renderer, so does this flag
  let dirty = false;
  return {
    setDirty: (d) => {
      dirty = d;
    },
    isDirty: () => dirty,
    // "unsynced" = the sync queue still holds rows (SELECT count(*) FROM outbox)
    atRisk: () => ({ dirty, unsyncedCount: outboxCount(sqlite) }),
  };
}
