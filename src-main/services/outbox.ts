import type Database from 'better-sqlite3';
import { count, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/errors';
import { fieldLabel } from '../../src-shared/sync/labels';
import { checkRecord } from '../../src-shared/sync/record-check';
import { drizzleOf } from '../db/client';
import { outbox } from '../db/schema';
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
  sign: 'This sign',
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

const prepareInsert = (sqlite: Database.Database) =>
  drizzleOf(sqlite)
    .insert(outbox)
    .values({
      mutationId: sql.placeholder('mutationId'),
      entity: sql.placeholder('entity'),
      entityId: sql.placeholder('entityId'),
      op: sql.placeholder('op'),
      data: sql.placeholder('data'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare();

/** Every change queues a row: the insert is built once per connection. */
const inserts = new WeakMap<Database.Database, ReturnType<typeof prepareInsert>>();
function insertOf(sqlite: Database.Database) {
  let q = inserts.get(sqlite);
  if (!q) {
    q = prepareInsert(sqlite);
    inserts.set(sqlite, q);
  }
  return q;
}

/** Queues one mutation for the sync client (inside the caller's transaction). */
export function enqueueOutbox(sqlite: Database.Database, input: OutboxInput): string {
  if (input.op === 'upsert' || input.op === 'attach') assertSyncable(input.entity, input.data);
  const mutationId = randomUUID();
  insertOf(sqlite).run({
    mutationId,
    entity: input.entity,
    entityId: input.entityId,
    op: input.op,
    data: canonicalJson(input.data),
    createdAt: input.at,
  });
  return mutationId;
}

export function outboxCount(sqlite: Database.Database): number {
  return drizzleOf(sqlite).select({ n: count() }).from(outbox).get()?.n ?? 0;
}
