import type Database from 'better-sqlite3';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../../src-shared/projects';
import { drizzleOf } from '../db/client';
import { auditEvents } from '../db/schema';
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

type AuditRow = typeof auditEvents.$inferSelect;

/** What the hash covers: every field of the event plus the previous event's hash. */
function eventHash(prevHash: string, e: Omit<AuditRow, 'seq' | 'hash' | 'prevHash'>): string {
  return sha256Hex(
    prevHash +
      canonicalJson({
        id: e.id,
        at: e.at,
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        before: e.before,
        after: e.after,
      }),
  );
}

function prepareStatements(sqlite: Database.Database) {
  const db = drizzleOf(sqlite);
  return {
    lastHash: db
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1)
      .prepare(),
    insert: db
      .insert(auditEvents)
      .values({
        id: sql.placeholder('id'),
        at: sql.placeholder('at'),
        actor: sql.placeholder('actor'),
        action: sql.placeholder('action'),
        entity: sql.placeholder('entity'),
        entityId: sql.placeholder('entityId'),
        before: sql.placeholder('before'),
        after: sql.placeholder('after'),
        prevHash: sql.placeholder('prevHash'),
        hash: sql.placeholder('hash'),
      })
      .prepare(),
  };
}

/** Every change writes an event: its two statements are built once per connection. */
const statements = new WeakMap<Database.Database, ReturnType<typeof prepareStatements>>();
function statementsOf(sqlite: Database.Database) {
  let q = statements.get(sqlite);
  if (!q) {
    q = prepareStatements(sqlite);
    statements.set(sqlite, q);
  }
  return q;
}

/**
 * Appends one event to the chain. Must run inside the caller's transaction so the row, the event
 * and the outbox entry commit together (docs/ARCHITECTURE.md, Local data).
 */
export function appendAudit(sqlite: Database.Database, input: AuditInput): string {
  const q = statementsOf(sqlite);
  const last = q.lastHash.get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    id: randomUUID(),
    at: input.at,
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    before:
      input.before === undefined || input.before === null ? null : canonicalJson(input.before),
    after: input.after === undefined || input.after === null ? null : canonicalJson(input.after),
  };
  const hash = eventHash(prevHash, row);
  q.insert.run({ ...row, prevHash, hash });
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
    entityId: r.entityId,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    hash: r.hash,
    prevHash: r.prevHash,
  };
}

export function listAudit(
  sqlite: Database.Database,
  entity: string,
  entityId: string,
): AuditEvent[] {
  return drizzleOf(sqlite)
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.seq))
    .limit(1000)
    .all()
    .map(toEvent);
}

export function lastAuditFor(
  sqlite: Database.Database,
  entity: string,
  entityId: string,
): AuditEvent | undefined {
  const row = drizzleOf(sqlite)
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.seq))
    .limit(1)
    .get();
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
  // streamed in pages of seq: a long trail is never loaded into memory at once
  const db = drizzleOf(sqlite);
  for (let after = 0; ;) {
    const page = db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(1000)
      .all();
    if (!page.length) break;
    after = page[page.length - 1].seq;
    for (const r of page) {
      checked++;
      if (r.prevHash !== prev || eventHash(prev, r) !== r.hash) {
        return { ok: false, checked, brokenAtSeq: r.seq };
      }
      prev = r.hash;
    }
  }
  return { ok: true, checked, brokenAtSeq: null };
}
