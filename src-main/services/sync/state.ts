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
  /** the repair of stored text has run (src-main/services/sync/repair-text.ts) */
  textRepaired: 'repair.text.v1',
} as const;

export function serverVersion(sqlite: Database.Database, entity: string, id: string): number {
  const r = sqlite
    .prepare('SELECT server_version AS v FROM sync_entities WHERE entity = ? AND entity_id = ?')
    .get(entity, id) as { v: number } | undefined;
  return r?.v ?? 0;
}

/**
 * Records the server version this laptop now matches and, when known, the record's data at that
 * version (the common base of a later three-way merge; undefined keeps the stored one).
 */
export function setServerVersion(
  sqlite: Database.Database,
  entity: string,
  id: string,
  version: number,
  at: string,
  baseData?: Record<string, unknown> | string | null,
): void {
  const base =
    baseData === undefined
      ? undefined
      : typeof baseData === 'string' || baseData === null
        ? baseData
        : JSON.stringify(baseData);
  sqlite
    .prepare(
      `INSERT INTO sync_entities (entity, entity_id, server_version, updated_at, base_data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(entity, entity_id) DO UPDATE SET server_version = excluded.server_version, updated_at = excluded.updated_at` +
        (base === undefined ? '' : ', base_data = excluded.base_data'),
    )
    .run(entity, id, version, at, base ?? null);
}

export function baseData(
  sqlite: Database.Database,
  entity: string,
  id: string,
): Record<string, unknown> | null {
  const r = sqlite
    .prepare('SELECT base_data AS b FROM sync_entities WHERE entity = ? AND entity_id = ?')
    .get(entity, id) as { b: string | null } | undefined;
  return r?.b ? (JSON.parse(r.b) as Record<string, unknown>) : null;
}

export interface Seen {
  version: number;
  author: { userId: string; name: string } | null;
  at: string | null;
  /** the change's data; null for a tombstone */
  data?: Record<string, unknown> | null;
  deleted?: boolean;
}

/** Remembers who wrote a pulled change that was held back behind local edits (for the inbox). */
export function noteSeen(sqlite: Database.Database, entity: string, id: string, seen: Seen): void {
  sqlite
    .prepare(
      `INSERT INTO sync_entities (entity, entity_id, server_version, updated_at, seen_version, seen_author, seen_at, seen_data)
       VALUES (?, ?, 0, ?, ?, ?, ?, ?)
       ON CONFLICT(entity, entity_id) DO UPDATE SET seen_version = excluded.seen_version,
         seen_author = excluded.seen_author, seen_at = excluded.seen_at, seen_data = excluded.seen_data`,
    )
    .run(
      entity,
      id,
      seen.at ?? '',
      seen.version,
      seen.author ? JSON.stringify(seen.author) : null,
      seen.at,
      seen.deleted ? null : seen.data ? JSON.stringify(seen.data) : null,
    );
}

export function seenChange(sqlite: Database.Database, entity: string, id: string): Seen | null {
  const r = sqlite
    .prepare(
      'SELECT seen_version AS v, seen_author AS a, seen_at AS t, seen_data AS d, server_version AS sv FROM sync_entities WHERE entity = ? AND entity_id = ?',
    )
    .get(entity, id) as
    | { v: number | null; a: string | null; t: string | null; d: string | null; sv: number }
    | undefined;
  if (!r || r.v === null || r.v <= r.sv) return null;
  return {
    version: r.v,
    author: r.a ? JSON.parse(r.a) : null,
    at: r.t,
    data: r.d ? (JSON.parse(r.d) as Record<string, unknown>) : null,
    deleted: r.d === null,
  };
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
