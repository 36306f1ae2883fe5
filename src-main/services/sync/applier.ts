import type { z } from 'zod';
import { AppError } from '../../../src-shared/errors';
import { dataProblem, ENTITY_DATA_SCHEMAS } from '../../../src-shared/sync/entities';
import type { ServiceContext } from '../context';

/**
 * How a pulled change lands in the local database, per entity. Appliers run inside the pull's
 * transaction, write no outbox rows (the change came from the server) and leave an audit event
 * so the Activity view shows what arrived. Each parses the record with its shared schema
 * (src-shared/sync/entities.ts) before writing anything and writes through the row mappers the
 * services use; a record that fails throws PulledRecordError and nothing of it is written.
 */
export interface EntityApplier {
  /** `by`: who wrote the change (the pulled change's author), the actor of the audit event */
  upsert(
    ctx: ServiceContext,
    id: string,
    data: Record<string, unknown>,
    at: string,
    by?: string,
  ): void;
  /** a server tombstone */
  remove(ctx: ServiceContext, id: string, at: string, by?: string): void;
  /** the local copy, as pushed (for conflicts) */
  local(ctx: ServiceContext, id: string): Record<string, unknown> | null;
}

export const SYNC_ACTOR = 'Sync (from server)';

/**
 * A pulled record that fails its entity's schema: not applied, reported with the field. A
 * VALIDATION error, so a conflict resolution or discard that meets one says why in words.
 */
export class PulledRecordError extends AppError {
  constructor(
    readonly entity: string,
    readonly field: string | null,
    message: string,
  ) {
    super('VALIDATION', message, field ? { [field]: message } : undefined);
    this.name = 'PulledRecordError';
  }
}

type Schemas = typeof ENTITY_DATA_SCHEMAS;

/** The record's data as its shared schema reads it, or PulledRecordError. */
export function parseData<E extends keyof Schemas>(
  entity: E,
  data: Record<string, unknown>,
): z.output<Schemas[E]> {
  const r = ENTITY_DATA_SCHEMAS[entity].safeParse(data);
  if (r.success) return r.data as z.output<Schemas[E]>;
  const { field, message } = dataProblem(r.error);
  throw new PulledRecordError(entity, field, message);
}
