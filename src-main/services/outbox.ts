import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/errors';
import { fieldLabel } from '../../src-shared/sync/labels';
import { checkRecord } from '../../src-shared/sync/record-check';
import { canonicalJson } from '../engine/canonical-json';

export type OutboxOp = 'upsert' | 'delete' | 'submit' | 'attach';

export interface OutboxInput {
  entity: string;
  entityId: string;
  op: OutboxOp;
  data: unknown;
  at: string;
}

const WHAT: Record<string, string> = {
  project: 'This project',
  design: 'This design revision',
  quote: 'This quote revision',
  'price-book': 'This price book version',
  company: 'The company details',
  attachment: 'This file record',
};

/**
 * Refuses a record that could never sync (a character no database stores, or more than
 * MAX_RECORD_BYTES of JSON) with a plain message naming the field. Thrown inside the caller's
 * transaction, so nothing of the change is saved and nothing is queued.
 */
export function assertSyncable(entity: string, data: unknown): void {
  const problem = checkRecord(data, {
    what: WHAT[entity],
    labels: (path) => fieldLabel(entity, path),
  });
  if (problem)
    throw new AppError('VALIDATION', problem.message, { [problem.field]: problem.message });
}

/** Queues one mutation for the sync client (inside the caller's transaction). */
export function enqueueOutbox(sqlite: Database.Database, input: OutboxInput): string {
  if (input.op === 'upsert' || input.op === 'attach') assertSyncable(input.entity, input.data);
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
