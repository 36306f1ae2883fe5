import type Database from 'better-sqlite3';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { drizzleOf } from '../../db/client';
import { outbox, settings, syncConflicts, syncEntities } from '../../db/schema';

/** Small persisted sync facts (cursor, last sync) in the settings table. */
export function getSetting(sqlite: Database.Database, key: string): string | null {
  const r = drizzleOf(sqlite)
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
    .get();
  return r?.value ?? null;
}

const NOW = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export function setSetting(sqlite: Database.Database, key: string, value: string | null): void {
  const db = drizzleOf(sqlite);
  if (value === null) db.delete(settings).where(eq(settings.key, key)).run();
  else
    db.insert(settings)
      .values({ key, value, updatedAt: NOW })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
      })
      .run();
}

export const KEYS = {
  cursor: 'sync.cursor',
  lastSyncAt: 'sync.lastSyncAt',
  serverUrl: 'sync.serverUrl',
  massDeleteConfirmed: 'sync.massDeleteConfirmed',
  /** the repair of stored text has run (src-main/services/sync/repair-text.ts) */
  textRepaired: 'repair.text.v1',
} as const;

const entityIs = (entity: string, id: string) =>
  and(eq(syncEntities.entity, entity), eq(syncEntities.entityId, id));

export function serverVersion(sqlite: Database.Database, entity: string, id: string): number {
  const r = drizzleOf(sqlite)
    .select({ v: syncEntities.serverVersion })
    .from(syncEntities)
    .where(entityIs(entity, id))
    .get();
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
  drizzleOf(sqlite)
    .insert(syncEntities)
    .values({ entity, entityId: id, serverVersion: version, updatedAt: at, baseData: base ?? null })
    .onConflictDoUpdate({
      target: [syncEntities.entity, syncEntities.entityId],
      set: {
        serverVersion: sql`excluded.server_version`,
        updatedAt: sql`excluded.updated_at`,
        ...(base === undefined ? {} : { baseData: sql`excluded.base_data` }),
      },
    })
    .run();
}

export function baseData(
  sqlite: Database.Database,
  entity: string,
  id: string,
): Record<string, unknown> | null {
  const r = drizzleOf(sqlite)
    .select({ b: syncEntities.baseData })
    .from(syncEntities)
    .where(entityIs(entity, id))
    .get();
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
  drizzleOf(sqlite)
    .insert(syncEntities)
    .values({
      entity,
      entityId: id,
      serverVersion: 0,
      updatedAt: seen.at ?? '',
      seenVersion: seen.version,
      seenAuthor: seen.author ? JSON.stringify(seen.author) : null,
      seenAt: seen.at,
      seenData: seen.deleted ? null : seen.data ? JSON.stringify(seen.data) : null,
    })
    .onConflictDoUpdate({
      target: [syncEntities.entity, syncEntities.entityId],
      set: {
        seenVersion: sql`excluded.seen_version`,
        seenAuthor: sql`excluded.seen_author`,
        seenAt: sql`excluded.seen_at`,
        seenData: sql`excluded.seen_data`,
      },
    })
    .run();
}

export function seenChange(sqlite: Database.Database, entity: string, id: string): Seen | null {
  const r = drizzleOf(sqlite)
    .select({
      v: syncEntities.seenVersion,
      a: syncEntities.seenAuthor,
      t: syncEntities.seenAt,
      d: syncEntities.seenData,
      sv: syncEntities.serverVersion,
    })
    .from(syncEntities)
    .where(entityIs(entity, id))
    .get();
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
  return !!drizzleOf(sqlite)
    .select({ one: sql`1` })
    .from(outbox)
    .where(and(eq(outbox.entity, entity), eq(outbox.entityId, id)))
    .limit(1)
    .get();
}

export function openConflict(
  sqlite: Database.Database,
  entity: string,
  id: string,
): { id: string } | undefined {
  return drizzleOf(sqlite)
    .select({ id: syncConflicts.id })
    .from(syncConflicts)
    .where(
      and(
        eq(syncConflicts.entity, entity),
        eq(syncConflicts.entityId, id),
        isNull(syncConflicts.resolvedAt),
      ),
    )
    .limit(1)
    .get();
}
