import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../../src-shared/projects';
import { canonicalJson, sha256Hex } from '../engine/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: string;
}

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** What the hash covers: every field of the event plus the previous event's hash. */
function eventHash(prevHash: string, e: Omit<AuditRow, 'seq' | 'hash' | 'prev_hash'>): string {
  return sha256Hex(
    prevHash +
      canonicalJson({
        id: e.id,
        at: e.at,
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entityId: e.entity_id,
        before: e.before,
        after: e.after,
      }),
  );
}

/**
 * Appends one event to the chain. Must run inside the caller's transaction so the row, the event
 * and the outbox entry commit together (docs/ARCHITECTURE.md, Local data).
 */
export function appendAudit(sqlite: Database.Database, input: AuditInput): string {
  const last = sqlite.prepare('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
    { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    id: randomUUID(),
    at: input.at,
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    before:
      input.before === undefined || input.before === null ? null : canonicalJson(input.before),
    after: input.after === undefined || input.after === null ? null : canonicalJson(input.after),
  };
  const hash = eventHash(prevHash, row);
  sqlite
    .prepare(
      `INSERT INTO audit_events (id, at, actor, action, entity, entity_id, before, after, prev_hash, hash)
       VALUES (@id, @at, @actor, @action, @entity, @entity_id, @before, @after, @prev_hash, @hash)`,
    )
    .run({ ...row, prev_hash: prevHash, hash });
  return row.id;
}

function toEvent(r: AuditRow): AuditEvent {
  return {
    seq: r.seq,
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    hash: r.hash,
    prevHash: r.prev_hash,
  };
}

export function listAudit(
  sqlite: Database.Database,
  entity: string,
  entityId: string,
): AuditEvent[] {
  const rows = sqlite
    .prepare(
      'SELECT * FROM audit_events WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1000',
    )
    .all(entity, entityId) as AuditRow[];
  return rows.map(toEvent);
}

export function lastAuditFor(
  sqlite: Database.Database,
  entity: string,
  entityId: string,
): AuditEvent | undefined {
  const row = sqlite
    .prepare(
      'SELECT * FROM audit_events WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1',
    )
    .get(entity, entityId) as AuditRow | undefined;
  return row ? toEvent(row) : undefined;
}

/** Walks the whole chain; the first event whose links or hash do not match is reported. */
export function verifyAuditChain(sqlite: Database.Database): {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
} {
  let prev = GENESIS_HASH;
  let checked = 0;
  for (const r of sqlite
    .prepare('SELECT * FROM audit_events ORDER BY seq')
    .iterate() as Iterable<AuditRow>) {
    checked++;
    if (r.prev_hash !== prev || eventHash(prev, r) !== r.hash) {
      return { ok: false, checked, brokenAtSeq: r.seq };
    }
    prev = r.hash;
  }
  return { ok: true, checked, brokenAtSeq: null };
}
