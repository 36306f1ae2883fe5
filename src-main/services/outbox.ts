import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { canonicalJson } from './canonical';

export type OutboxOp = 'upsert' | 'delete' | 'submit' | 'attach';

export interface OutboxInput {
  entity: string;
  entityId: string;
  op: OutboxOp;
  data: unknown;
  at: string;
}

/** Queues one mutation for the sync client (inside the caller's transaction). */
export function enqueueOutbox(sqlite: Database.Database, input: OutboxInput): string {
  const mutationId = randomUUID();
  sqlite
    .prepare(
      `INSERT INTO outbox (mutation_id, entity, entity_id, op, data, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(mutationId, input.entity, input.entityId, input.op, canonicalJson(input.data), input.at);
  return mutationId;
}

export function outboxCount(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}
