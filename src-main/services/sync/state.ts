import type Database from 'better-sqlite3';

/** Small persisted sync facts (cursor, last sync) in the settings table. */
export function getSetting(sqlite: Database.Database, key: string): string | null {
  const r = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return r?.value ?? null;
}

export function setSetting(sqlite: Database.Database, key: string, value: string | null): void {
  if (value === null) sqlite.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else
    sqlite
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(key, value);
}

export const KEYS = {
  cursor: 'sync.cursor',
  lastSyncAt: 'sync.lastSyncAt',
  serverUrl: 'sync.serverUrl',
  massDeleteConfirmed: 'sync.massDeleteConfirmed',
} as const;

export function serverVersion(sqlite: Database.Database, entity: string, id: string): number {
  const r = sqlite
    .prepare('SELECT server_version AS v FROM sync_entities WHERE entity = ? AND entity_id = ?')
    .get(entity, id) as { v: number } | undefined;
  return r?.v ?? 0;
}

export function setServerVersion(
  sqlite: Database.Database,
  entity: string,
  id: string,
  version: number,
  at: string,
): void {
  sqlite
    .prepare(
      `INSERT INTO sync_entities (entity, entity_id, server_version, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(entity, entity_id) DO UPDATE SET server_version = excluded.server_version, updated_at = excluded.updated_at`,
    )
    .run(entity, id, version, at);
}

export function hasPending(sqlite: Database.Database, entity: string, id: string): boolean {
  return !!sqlite
    .prepare('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? LIMIT 1')
    .get(entity, id);
}

export function openConflict(
  sqlite: Database.Database,
  entity: string,
  id: string,
): { id: string } | undefined {
  return sqlite
    .prepare(
      'SELECT id FROM sync_conflicts WHERE entity = ? AND entity_id = ? AND resolved_at IS NULL LIMIT 1',
    )
    .get(entity, id) as { id: string } | undefined;
}
